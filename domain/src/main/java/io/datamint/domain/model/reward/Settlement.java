package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One settlement epoch of a campaign: the exact leaves (every labeler's CUMULATIVE entitlement at
 * the snapshot, sorted by wallet) stored before the root is sent, so that a crash at any step
 * resumes the same epoch with the same leaves and hence the same root. PENDING until the root's
 * transaction is confirmed (from its receipt or its {@code SettlementPosted} event), then POSTED.
 *
 * @param creditCount how many credits of the ledger the snapshot covers
 */
public record Settlement(
    CampaignId campaign,
    int epoch,
    List<Entitlement> leaves,
    long creditCount,
    Status status,
    Optional<String> merkleRoot,
    Optional<TxHash> transaction,
    Instant createdAt) {

  /** Where a settlement stands. */
  public enum Status {
    /** Snapshot stored, root not confirmed on chain yet. */
    PENDING,
    /** The root is the campaign's on chain (at least until a later epoch's). */
    POSTED
  }

  public Settlement {
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(merkleRoot, "root must not be null");
    Objects.requireNonNull(transaction, "transaction must not be null");
    Objects.requireNonNull(createdAt, "time must not be null");
    if (epoch < 1) {
      throw new IllegalArgumentException("epochs start at 1");
    }
    leaves = leaves.stream().sorted(Comparator.comparing(e -> e.labeler().value())).toList();
    if (leaves.stream().map(e -> e.labeler().value()).distinct().count() != leaves.size()) {
      throw new IllegalArgumentException("a wallet appears twice in the leaves");
    }
  }

  /** What the root entitles all labelers to together; never more than was deposited. */
  public TokenAmount total() {
    return leaves.stream().map(Entitlement::cumulative).reduce(TokenAmount.ZERO, TokenAmount::plus);
  }

  /** The wallet's cumulative amount in the leaves; zero when it is not among them. */
  public TokenAmount entitlementOf(WalletAddress wallet) {
    return leaves.stream()
        .filter(e -> e.labeler().equals(wallet))
        .map(Entitlement::cumulative)
        .findFirst()
        .orElse(TokenAmount.ZERO);
  }

  public boolean isPosted() {
    return status == Status.POSTED;
  }
}
