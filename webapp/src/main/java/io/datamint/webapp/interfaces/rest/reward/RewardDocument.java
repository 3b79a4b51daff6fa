package io.datamint.webapp.interfaces.rest.reward;

import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.reward.RewardPosition;
import java.util.List;

/**
 * A labeler's rewards in one campaign, amounts in whole tokens as decimal strings (exact, no
 * floating point).
 */
public record RewardDocument(
    String campaign,
    String title,
    String wallet,
    String earned,
    String settled,
    int settledEpoch,
    String claimed,
    String claimable,
    String awaitingSettlement,
    long unpaidLabels,
    Claim pendingClaim,
    List<String> claimTransactions) {

  /** A claim on its way (QUEUED, SUBMITTED) or FAILED, with why. */
  public record Claim(
      String operation, int epoch, String status, String transaction, String message) {

    static Claim of(EscrowOperation o) {
      return new Claim(
          o.key().value(),
          o.epoch().orElse(0),
          o.status().name(),
          o.transaction().map(TxHash::value).orElse(null),
          o.message().orElse(null));
    }
  }

  static RewardDocument of(RewardPosition p) {
    return new RewardDocument(
        p.campaign().value().toString(),
        p.title(),
        p.wallet().value(),
        p.earned().toString(),
        p.settled().toString(),
        p.settledEpoch(),
        p.claimed().toString(),
        p.claimable().toString(),
        p.awaitingSettlement().toString(),
        p.unpaidLabels(),
        p.pendingClaim()
            .map(
                c ->
                    new Claim(
                        c.operation().value(),
                        c.epoch(),
                        c.status().name(),
                        c.transaction().map(TxHash::value).orElse(null),
                        c.message().orElse(null)))
            .orElse(null),
        p.claimTransactions().stream().map(TxHash::value).toList());
  }
}
