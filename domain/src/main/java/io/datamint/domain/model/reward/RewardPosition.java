package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A labeler's rewards in one campaign, from the ledger and the chain.
 *
 * @param earned credited for accepted labels (the ledger)
 * @param settled the labeler's cumulative amount in the latest posted root (0 before any)
 * @param settledEpoch the epoch of that root (0 before any)
 * @param claimed paid on chain, from the escrow's {@code RewardClaimed} events and claim receipts
 * @param unpaidLabels accepted labels that earned nothing because the budget was spent
 * @param pendingClaim a relayed claim not finished yet
 * @param claimTransactions the transactions that paid the labeler, oldest first
 */
public record RewardPosition(
    CampaignId campaign,
    String title,
    WalletAddress wallet,
    TokenAmount earned,
    TokenAmount settled,
    int settledEpoch,
    TokenAmount claimed,
    long unpaidLabels,
    Optional<PendingClaim> pendingClaim,
    List<TxHash> claimTransactions) {

  /** A claim operation on its way, or failed (then it says why). */
  public record PendingClaim(
      ChainOperationKey operation,
      int epoch,
      EscrowOperationStatus status,
      Optional<TxHash> transaction,
      Optional<String> message) {}

  public RewardPosition {
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(wallet, "wallet must not be null");
    Objects.requireNonNull(earned, "earned must not be null");
    Objects.requireNonNull(settled, "settled must not be null");
    Objects.requireNonNull(claimed, "claimed must not be null");
    claimTransactions = List.copyOf(claimTransactions);
  }

  /**
   * What a claim would pay now: the latest root's amount beyond what was paid, unless a claim is on
   * its way already.
   */
  public TokenAmount claimable() {
    boolean onItsWay = pendingClaim.map(p -> p.status().isPending()).orElse(false);
    if (onItsWay || settled.compareTo(claimed) <= 0) {
      return TokenAmount.ZERO;
    }
    return settled.minus(claimed);
  }

  /** Earned but not in a posted root yet: comes with the next settlement. */
  public TokenAmount awaitingSettlement() {
    return earned.compareTo(settled) <= 0 ? TokenAmount.ZERO : earned.minus(settled);
  }
}
