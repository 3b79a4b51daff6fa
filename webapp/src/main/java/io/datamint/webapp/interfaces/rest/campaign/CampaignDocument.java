package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignService.CampaignView;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.chain.TxHash;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API shows it: terms, state, the deposit (and refund) on chain, and where the
 * work stands. Gold answers are never in it. Amounts are decimal strings of the payment token.
 */
public record CampaignDocument(
    String id,
    String dataset,
    int version,
    String title,
    String state,
    String closeReason,
    String closeNote,
    String labelMode,
    List<String> labels,
    String instructions,
    int labelsPerItem,
    int goldItems,
    int goldEvery,
    String reward,
    String budget,
    double qualityThreshold,
    String deadline,
    long leaseSeconds,
    String createdAt,
    String openedAt,
    String closedAt,
    Chain funding,
    Chain refund,
    Counts counts) {

  /** An escrow operation: status, transaction, and why it waits or failed. */
  public record Chain(
      String operation, String status, String transaction, String message, int attempts) {

    static Chain of(EscrowOperation o) {
      return new Chain(
          o.key().value(),
          o.status().name(),
          o.transaction().map(TxHash::value).orElse(null),
          o.message().orElse(null),
          o.attempts());
    }
  }

  /** Where the work stands; {@code remaining} = slots not labeled yet. */
  public record Counts(
      long items,
      long goldItems,
      long slots,
      long labeled,
      long leased,
      long remaining,
      long completeItems,
      long goldLabels) {

    static Counts of(QueueCounts c) {
      return new Counts(
          c.items(),
          c.goldItems(),
          c.slots(),
          c.labeled(),
          c.leased(),
          c.remaining(),
          c.completeItems(),
          c.goldLabels());
    }
  }

  public static CampaignDocument of(CampaignView view) {
    Campaign c = view.campaign();
    return new CampaignDocument(
        c.id().toString(),
        c.dataset().value().toString(),
        c.versionNumber(),
        c.title(),
        c.state().name(),
        c.closeReason().map(Enum::name).orElse(null),
        c.closeNote().orElse(null),
        c.schema().mode().name(),
        c.schema().labels(),
        c.instructions(),
        c.labelsPerItem(),
        c.goldItems(),
        c.goldEvery(),
        c.reward().toString(),
        c.budget().toString(),
        c.qualityThreshold(),
        c.deadline().toString(),
        c.lease().getSeconds(),
        c.createdAt().toString(),
        c.openedAt().map(Instant::toString).orElse(null),
        c.closedAt().map(Instant::toString).orElse(null),
        view.operation(EscrowOperationKind.OPEN).map(Chain::of).orElse(null),
        view.operation(EscrowOperationKind.REFUND).map(Chain::of).orElse(null),
        Counts.of(view.counts()));
  }
}
