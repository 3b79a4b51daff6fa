package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRetry;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One chain operation of a campaign's budget, recorded in the transaction that asked for it (the
 * outbox, as {@link io.datamint.domain.model.tokenization.TokenOperation} is for minting) and
 * worked off by a background worker. Its key ({@code campaign:open:<id>}, {@code
 * campaign:refund:<id>}) is also the key the chain adapter records the signed transaction under, so
 * a retry after a crash or an outage finds that transaction instead of depositing twice.
 *
 * <p>Rules it keeps: only pending operations (QUEUED, SUBMITTED) are worked on, and only when due;
 * an outage postpones with a capped exponential back-off; a refusal by the chain is FAILED until
 * someone retries it.
 */
@Entity
@Table(name = "campaign_operation")
public class EscrowOperation {

  private static final int MAX_MESSAGE = 2000;

  @Id
  @Column(name = "operation_key", length = 200, nullable = false)
  private String operationKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 20, nullable = false)
  private EscrowOperationKind kind;

  @Column(name = "campaign_id", nullable = false)
  private UUID campaignId;

  /** The settlement epoch a SETTLE posts, or a CLAIM is made against; null otherwise. */
  @Column(name = "epoch")
  private Integer epoch;

  /** The labeler's wallet a CLAIM pays; null otherwise. */
  @Column(name = "wallet", length = 42)
  private String wallet;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 20, nullable = false)
  private EscrowOperationStatus status;

  @Column(name = "transaction_hash", length = 66)
  private String transaction;

  @Column(name = "failure_reason", length = 100)
  private String failureReason;

  @Column(name = "message", length = MAX_MESSAGE)
  private String message;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "revision", nullable = false)
  private long revision;

  protected EscrowOperation() {
    // for JPA
  }

  private EscrowOperation(
      ChainOperationKey key, EscrowOperationKind kind, CampaignId campaign, Instant notBefore) {
    this.operationKey = Objects.requireNonNull(key, "key must not be null").value();
    this.kind = Objects.requireNonNull(kind, "kind must not be null");
    this.campaignId = Objects.requireNonNull(campaign, "campaign must not be null").value();
    this.status = EscrowOperationStatus.QUEUED;
    this.nextAttemptAt = Objects.requireNonNull(notBefore, "time must not be null");
    this.createdAt = notBefore;
    this.updatedAt = notBefore;
  }

  /** The deposit of the budget: {@code openCampaign} from the owner's wallet. */
  public static EscrowOperation open(CampaignId campaign, Instant now) {
    return new EscrowOperation(openKey(campaign), EscrowOperationKind.OPEN, campaign, now);
  }

  /**
   * The refund of what no labeler is entitled to; the escrow allows it only after the deadline, so
   * the first attempt is then.
   */
  public static EscrowOperation refund(CampaignId campaign, Instant now, Instant notBefore) {
    EscrowOperation op =
        new EscrowOperation(refundKey(campaign), EscrowOperationKind.REFUND, campaign, now);
    op.nextAttemptAt = notBefore.isAfter(now) ? notBefore : now;
    return op;
  }

  /**
   * The settlement of epoch {@code epoch}: posts the root of the leaves stored with it. One key per
   * (campaign, epoch), so a crash at any point resumes the same epoch, never a second root.
   */
  public static EscrowOperation settle(CampaignId campaign, int epoch, Instant now) {
    if (epoch < 1) {
      throw new IllegalArgumentException("epochs start at 1");
    }
    EscrowOperation op =
        new EscrowOperation(settleKey(campaign, epoch), EscrowOperationKind.SETTLE, campaign, now);
    op.epoch = epoch;
    return op;
  }

  /**
   * A claim relayed for {@code wallet} against the root of {@code epoch}: one per labeler and
   * epoch, since the escrow pays the difference to what was paid, a second one could only revert.
   */
  public static EscrowOperation claim(
      CampaignId campaign, WalletAddress wallet, int epoch, Instant now) {
    Objects.requireNonNull(wallet, "wallet must not be null");
    EscrowOperation op =
        new EscrowOperation(
            claimKey(campaign, wallet, epoch), EscrowOperationKind.CLAIM, campaign, now);
    op.epoch = epoch;
    op.wallet = wallet.value();
    return op;
  }

  public static ChainOperationKey settleKey(CampaignId campaign, int epoch) {
    return ChainOperationKey.of("campaign", "settle", campaign.value(), epoch);
  }

  public static ChainOperationKey claimKey(CampaignId campaign, WalletAddress wallet, int epoch) {
    return ChainOperationKey.of("campaign", "claim", campaign.value(), wallet.value(), epoch);
  }

  public static ChainOperationKey openKey(CampaignId campaign) {
    return ChainOperationKey.of("campaign", "open", campaign.value());
  }

  public static ChainOperationKey refundKey(CampaignId campaign) {
    return ChainOperationKey.of("campaign", "refund", campaign.value());
  }

  // --- verbs ---

  /**
   * The worker takes it for one attempt; pushing the next attempt out by {@code lease} keeps other
   * workers off it meanwhile, and lets it be picked up again after a crash.
   *
   * @throws IllegalStateException if it is not pending or not due
   */
  public void claim(Instant now, Duration lease) {
    if (!isDue(now)) {
      throw new IllegalStateException(
          "operation " + operationKey + " is " + status + ", next attempt at " + nextAttemptAt);
    }
    attempts++;
    nextAttemptAt = now.plus(lease);
    updatedAt = now;
  }

  /** Done on chain in {@code hash}. */
  public void done(TxHash hash, Instant now) {
    if (status == EscrowOperationStatus.FAILED) {
      throw new IllegalStateException("operation " + operationKey + " failed; retry it first");
    }
    this.transaction = Objects.requireNonNull(hash, "hash must not be null").value();
    this.status = EscrowOperationStatus.DONE;
    this.failureReason = null;
    this.message = null;
    this.updatedAt = now;
  }

  /**
   * The attempt could not finish (chain unreachable, no receipt in time): tried again after the
   * back-off.
   */
  public void postponed(String why, Optional<TxHash> recorded, Instant now) {
    waitUntil(why, recorded, now.plus(ChainRetry.delayAfter(attempts)), now);
  }

  /** The operation must wait for something with a known time, e.g. the deadline. */
  public void waitUntil(String why, Optional<TxHash> recorded, Instant retryAt, Instant now) {
    requirePending("postpone");
    Objects.requireNonNull(why, "reason must not be null");
    recorded.ifPresent(
        hash -> {
          this.transaction = hash.value();
          this.status = EscrowOperationStatus.SUBMITTED;
        });
    this.message = clip(why + " — next attempt at " + retryAt, MAX_MESSAGE);
    this.nextAttemptAt = retryAt;
    this.updatedAt = now;
  }

  /** The chain refused it; final until {@link #retry}. */
  public void failed(String reason, String why, Optional<TxHash> recorded, Instant now) {
    requirePending("record a failure");
    this.failureReason = clip(Objects.requireNonNull(reason, "reason must not be null"), 100);
    this.message = clip(Objects.requireNonNull(why, "message must not be null"), MAX_MESSAGE);
    recorded.ifPresent(hash -> this.transaction = hash.value());
    this.status = EscrowOperationStatus.FAILED;
    this.updatedAt = now;
  }

  /** Back to the queue after a failure, e.g. once the owner's wallet was topped up. */
  public void retry(Instant now) {
    if (status != EscrowOperationStatus.FAILED) {
      throw new IllegalStateException(
          "only a failed operation can be retried; " + operationKey + " is " + status);
    }
    this.status = EscrowOperationStatus.QUEUED;
    this.failureReason = null;
    this.message = null;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.updatedAt = now;
  }

  private void requirePending(String action) {
    if (!status.isPending()) {
      throw new IllegalStateException(
          "cannot " + action + ": operation " + operationKey + " is " + status);
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  // --- queries ---

  public ChainOperationKey key() {
    return new ChainOperationKey(operationKey);
  }

  public EscrowOperationKind kind() {
    return kind;
  }

  public CampaignId campaign() {
    return new CampaignId(campaignId);
  }

  /** The epoch of a SETTLE or CLAIM. */
  public Optional<Integer> epoch() {
    return Optional.ofNullable(epoch);
  }

  /** The labeler's wallet of a CLAIM. */
  public Optional<WalletAddress> wallet() {
    return Optional.ofNullable(wallet).map(WalletAddress::of);
  }

  public EscrowOperationStatus status() {
    return status;
  }

  public boolean isDue(Instant now) {
    return status.isPending() && !nextAttemptAt.isAfter(now);
  }

  public Optional<TxHash> transaction() {
    return Optional.ofNullable(transaction).map(TxHash::of);
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EscrowOperation e && operationKey.equals(e.operationKey);
  }

  @Override
  public int hashCode() {
    return operationKey.hashCode();
  }

  @Override
  public String toString() {
    return "EscrowOperation[" + operationKey + " " + status + "]";
  }
}
