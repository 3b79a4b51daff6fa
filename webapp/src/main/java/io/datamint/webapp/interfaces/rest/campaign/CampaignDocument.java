package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignService.CampaignView;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.campaign.ValidationCounts;
import io.datamint.domain.model.campaign.ValidationRound;
import io.datamint.domain.model.chain.TxHash;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API shows it: terms, state, the deposit (and refund) on chain, and where the
 * work stands, and how validation has judged the labels so far. Gold answers are never in it.
 * Amounts are decimal strings of the payment token.
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
    Counts counts,
    int qualificationItems,
    Validation validation) {

  /**
   * Where validation stands: labels accepted, rejected and pending (accepted regular labels are
   * what rewards are owed for), items with a consensus, blocked labelers, and the latest round.
   */
  public record Validation(
      long accepted,
      long rejected,
      long pending,
      long paidAccepted,
      long itemsWithConsensus,
      int blockedLabelers,
      int rounds,
      int failedRounds,
      Round latestRound) {

    static Validation of(ValidationCounts v) {
      return new Validation(
          v.accepted(),
          v.rejected(),
          v.pending(),
          v.paidAccepted(),
          v.itemsWithConsensus(),
          v.blockedLabelers(),
          v.rounds(),
          v.failedRounds(),
          v.latest().map(Round::of).orElse(null));
    }
  }

  /** A validation round: its job, state, what it decided, and why it failed if it did. */
  public record Round(
      int number,
      long job,
      String state,
      int batchLabels,
      int decides,
      int accepted,
      int rejected,
      String message,
      String createdAt,
      String finishedAt) {

    static Round of(ValidationRound r) {
      return new Round(
          r.number(),
          r.job().value(),
          r.state().name(),
          r.batchLabels(),
          r.decides(),
          r.accepted(),
          r.rejected(),
          r.message().orElse(null),
          r.createdAt().toString(),
          r.finishedAt().map(Instant::toString).orElse(null));
    }
  }

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
    return of(view, null);
  }

  /** With where validation stands ({@code validation} may be null: not shown). */
  public static CampaignDocument of(CampaignView view, ValidationCounts validation) {
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
        Counts.of(view.counts()),
        c.qualificationItems(),
        validation == null ? null : Validation.of(validation));
  }
}
