package io.datamint.domain.model.tokenization;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRetry;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.DatasetId;
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
 * One chain operation an approval called for: the mint of a dataset (its first approved version) or
 * the publication of a later version. It is the outbox record of the tokenization: written with the
 * approval, worked off by a background worker, and kept afterwards as the dataset's link to the
 * chain (token id, contracts, transaction).
 *
 * <p>Its {@link #key() operation key} is derived from the business operation ({@code
 * mint:dataset:<id>}, {@code version:dataset:<id>:<n>}) and is the key the chain adapters record
 * the signed transaction under, so a retry after a crash or an outage finds that transaction
 * instead of sending a second one.
 *
 * <p>Rules it keeps: only pending operations (QUEUED, SUBMITTED) are worked on, and only when due;
 * a failure is final until an admin retries it; a confirmation (the event seen at the indexer's
 * depth) is dropped again when a reorganisation takes its block back.
 */
@Entity
@Table(name = "token_operation")
public class TokenOperation {

  private static final int MAX_MESSAGE = 2000;

  @Id
  @Column(name = "operation_key", length = 200, nullable = false)
  private String operationKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 20, nullable = false)
  private TokenOperationKind kind;

  @Column(name = "dataset_id", nullable = false)
  private UUID datasetId;

  @Column(name = "version_number", nullable = false)
  private int version;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 20, nullable = false)
  private TokenStatus status;

  @Column(name = "token_id")
  private Long tokenId;

  @Column(name = "data_nft", length = 42)
  private String dataNft;

  @Column(name = "datatoken", length = 42)
  private String datatoken;

  @Column(name = "transaction_hash", length = 66)
  private String transaction;

  @Column(name = "chain_version")
  private Long chainVersion;

  @Column(name = "failure_reason", length = 100)
  private String failureReason;

  @Column(name = "message", length = MAX_MESSAGE)
  private String message;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "confirmed_block")
  private Long confirmedBlock;

  @Enumerated(EnumType.STRING)
  @Column(name = "listing", length = 20)
  private ListingStatus listing;

  @Column(name = "listing_block")
  private Long listingBlock;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "revision", nullable = false)
  private long revision;

  protected TokenOperation() {
    // for JPA
  }

  private TokenOperation(
      ChainOperationKey key, TokenOperationKind kind, DatasetId dataset, int version, Instant now) {
    this.operationKey = Objects.requireNonNull(key, "key must not be null").value();
    this.kind = Objects.requireNonNull(kind, "kind must not be null");
    this.datasetId = Objects.requireNonNull(dataset, "dataset must not be null").value();
    if (version < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
    this.version = version;
    this.status = TokenStatus.QUEUED;
    this.createdAt = Objects.requireNonNull(now, "time must not be null");
    this.updatedAt = now;
    this.nextAttemptAt = now;
  }

  /** The mint of a dataset whose first approved version is {@code version}. */
  public static TokenOperation mint(DatasetId dataset, int version, Instant now) {
    return new TokenOperation(mintKey(dataset), TokenOperationKind.MINT, dataset, version, now);
  }

  /** The publication of a later approved version of a minted dataset. */
  public static TokenOperation publishVersion(DatasetId dataset, int version, Instant now) {
    return new TokenOperation(
        versionKey(dataset, version), TokenOperationKind.PUBLISH_VERSION, dataset, version, now);
  }

  public static ChainOperationKey mintKey(DatasetId dataset) {
    return ChainOperationKey.of("mint", "dataset", dataset.value());
  }

  public static ChainOperationKey versionKey(DatasetId dataset, int version) {
    return ChainOperationKey.of("version", "dataset", dataset.value(), version);
  }

  // --- verbs ---

  /**
   * The worker takes the operation for one attempt. Pushing the next attempt out by {@code lease}
   * keeps other workers off it meanwhile, and lets it be picked up again after a crash.
   *
   * @throws IllegalStateException if it is not pending or not due yet
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

  /** The signed transaction was recorded under the key; its outcome is not known yet. */
  public void submitted(TxHash hash, Instant now) {
    requirePending("record a submission");
    this.transaction = Objects.requireNonNull(hash, "hash must not be null").value();
    this.status = TokenStatus.SUBMITTED;
    this.updatedAt = now;
  }

  /** The mint happened: the dataset's token, its contracts and the transaction. */
  public void minted(
      DataNftId token, ContractAddress nft, ContractAddress datatoken, TxHash hash, Instant now) {
    requireKind(TokenOperationKind.MINT, "record a mint");
    if (status == TokenStatus.FAILED) {
      throw new IllegalStateException("operation " + operationKey + " failed; retry it first");
    }
    this.tokenId = Objects.requireNonNull(token, "token id must not be null").value();
    this.dataNft = Objects.requireNonNull(nft, "DataNFT must not be null").value();
    this.datatoken = Objects.requireNonNull(datatoken, "datatoken must not be null").value();
    this.transaction = Objects.requireNonNull(hash, "hash must not be null").value();
    this.chainVersion = 1L;
    succeeded(TokenStatus.MINTED, now);
  }

  /** The version was published as {@code chainVersion} of {@code token}. */
  public void published(
      DataNftId token, ContractAddress nft, long chainVersion, TxHash hash, Instant now) {
    requireKind(TokenOperationKind.PUBLISH_VERSION, "record a published version");
    if (status == TokenStatus.FAILED) {
      throw new IllegalStateException("operation " + operationKey + " failed; retry it first");
    }
    this.tokenId = Objects.requireNonNull(token, "token id must not be null").value();
    this.dataNft = Objects.requireNonNull(nft, "DataNFT must not be null").value();
    this.transaction = Objects.requireNonNull(hash, "hash must not be null").value();
    this.chainVersion = chainVersion;
    succeeded(TokenStatus.PUBLISHED, now);
  }

  /**
   * The attempt could not finish (chain unreachable, no receipt in time, waiting for the mint): the
   * operation stays pending and is tried again after the back-off.
   *
   * @param recorded the transaction recorded under the key, if the attempt got that far
   */
  public void postponed(String why, Optional<TxHash> recorded, Instant now) {
    requirePending("postpone");
    Objects.requireNonNull(why, "reason must not be null");
    recorded.ifPresent(
        hash -> {
          this.transaction = hash.value();
          this.status = TokenStatus.SUBMITTED;
        });
    Instant retryAt = now.plus(ChainRetry.delayAfter(attempts));
    this.message = clip(why + " — next attempt at " + retryAt);
    this.nextAttemptAt = retryAt;
    this.updatedAt = now;
  }

  /**
   * The chain refused the operation (a revert, or no funds for gas). Final until {@link #retry}.
   *
   * @param reason a short machine-readable name, e.g. {@code InsufficientFunds}
   */
  public void failed(String reason, String why, Optional<TxHash> recorded, Instant now) {
    requirePending("record a failure");
    this.failureReason = clip(Objects.requireNonNull(reason, "reason must not be null"), 100);
    this.message = clip(Objects.requireNonNull(why, "message must not be null"));
    recorded.ifPresent(hash -> this.transaction = hash.value());
    this.status = TokenStatus.FAILED;
    this.updatedAt = now;
  }

  /** An admin sends a failed operation back to the queue, e.g. after funding the platform. */
  public void retry(Instant now) {
    if (status != TokenStatus.FAILED) {
      throw new IllegalStateException(
          "only a failed operation can be retried; " + operationKey + " is " + status);
    }
    this.status = TokenStatus.QUEUED;
    this.failureReason = null;
    this.message = null;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.updatedAt = now;
  }

  /** The operation's event was seen at the indexer's confirmation depth in {@code block}. */
  public void confirmed(long block, Instant now) {
    if (confirmedBlock == null || confirmedBlock != block) {
      this.confirmedBlock = block;
      this.updatedAt = now;
    }
  }

  /**
   * A reorganisation took back the blocks from {@code fromBlock} on. An operation confirmed there,
   * or done but not yet confirmed, is checked again: the worker asks the chain adapter, which finds
   * the recorded transaction re-mined, or broadcasts the very same signed bytes again.
   *
   * @return whether anything changed
   */
  public boolean rolledBack(long fromBlock, Instant now) {
    boolean changed = false;
    if (listingBlock != null && listingBlock >= fromBlock) {
      listing = null;
      listingBlock = null;
      changed = true;
    }
    boolean confirmationLost = confirmedBlock != null && confirmedBlock >= fromBlock;
    boolean unconfirmedDone = confirmedBlock == null && status.isDone();
    if (confirmationLost || unconfirmedDone) {
      confirmedBlock = null;
      if (status.isDone()) {
        status = TokenStatus.SUBMITTED;
        nextAttemptAt = now;
        message = "the chain reorganised from block " + fromBlock + "; checking the transaction";
      }
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  /** A moderator (or the mint) set the dataset's listing status on chain in {@code block}. */
  public void listingChanged(ListingStatus to, long block, Instant now) {
    requireKind(TokenOperationKind.MINT, "record a listing status");
    Objects.requireNonNull(to, "listing status must not be null");
    if (listingBlock == null || block >= listingBlock) {
      this.listing = to;
      this.listingBlock = block;
      this.updatedAt = now;
    }
  }

  private void succeeded(TokenStatus done, Instant now) {
    this.status = done;
    this.failureReason = null;
    this.message = null;
    this.updatedAt = Objects.requireNonNull(now, "time must not be null");
  }

  private void requirePending(String action) {
    if (!status.isPending()) {
      throw new IllegalStateException(
          "cannot " + action + ": operation " + operationKey + " is " + status);
    }
  }

  private void requireKind(TokenOperationKind expected, String action) {
    if (kind != expected) {
      throw new IllegalStateException("cannot " + action + " on a " + kind + " operation");
    }
  }

  private static String clip(String text) {
    return clip(text, MAX_MESSAGE);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  // --- queries ---

  public ChainOperationKey key() {
    return new ChainOperationKey(operationKey);
  }

  public TokenOperationKind kind() {
    return kind;
  }

  public DatasetId dataset() {
    return new DatasetId(datasetId);
  }

  /** The dataset's version number (not the chain's version number). */
  public int version() {
    return version;
  }

  public TokenStatus status() {
    return status;
  }

  /** Whether the worker should work on it at {@code now}. */
  public boolean isDue(Instant now) {
    return status.isPending() && !nextAttemptAt.isAfter(now);
  }

  public Optional<DataNftId> tokenId() {
    return Optional.ofNullable(tokenId).map(DataNftId::of);
  }

  public Optional<ContractAddress> dataNft() {
    return Optional.ofNullable(dataNft).map(ContractAddress::of);
  }

  public Optional<ContractAddress> datatoken() {
    return Optional.ofNullable(datatoken).map(ContractAddress::of);
  }

  public Optional<TxHash> transaction() {
    return Optional.ofNullable(transaction).map(TxHash::of);
  }

  /** The version number on chain: 1 for the mint, then one up per published version. */
  public Optional<Long> chainVersion() {
    return Optional.ofNullable(chainVersion);
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /** Why it is waiting or failed, for people; empty once done. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  /** The block whose event confirmed it at the indexer's depth. */
  public Optional<Long> confirmedBlock() {
    return Optional.ofNullable(confirmedBlock);
  }

  public Optional<ListingStatus> listing() {
    return Optional.ofNullable(listing);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenOperation t && operationKey.equals(t.operationKey);
  }

  @Override
  public int hashCode() {
    return operationKey.hashCode();
  }

  @Override
  public String toString() {
    return "TokenOperation[" + operationKey + " " + status + "]";
  }
}
