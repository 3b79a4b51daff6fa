package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed transaction as recorded BEFORE it was broadcast: its operation key, sender, nonce, hash
 * and the signed bytes themselves, so that after a crash the very same transaction can be looked up
 * or broadcast again, never a second one.
 *
 * @param signedTransaction the signed, RLP-encoded transaction in hex with {@code 0x}
 * @param failure why it failed or was rejected
 */
public record PendingTransaction(
    ChainOperationKey key,
    WalletAddress from,
    long nonce,
    TxHash hash,
    String signedTransaction,
    Status status,
    Optional<String> failure) {

  /** Where a recorded transaction stands. */
  public enum Status {
    /** Signed and recorded; maybe broadcast, maybe not: look it up by hash before anything else. */
    SENT,
    /** Mined with success. */
    CONFIRMED,
    /** Mined and reverted: the nonce is used up, the operation did not happen. */
    FAILED,
    /** Refused by the node (e.g. no funds for gas): never mined, its nonce is free again. */
    REJECTED
  }

  public PendingTransaction {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(from, "sender must not be null");
    Objects.requireNonNull(hash, "hash must not be null");
    Objects.requireNonNull(signedTransaction, "signed transaction must not be null");
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(failure, "failure must not be null (use Optional.empty())");
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce cannot be negative");
    }
  }

  public static PendingTransaction sent(
      ChainOperationKey key, WalletAddress from, long nonce, TxHash hash, String signed) {
    return new PendingTransaction(key, from, nonce, hash, signed, Status.SENT, Optional.empty());
  }

  public PendingTransaction confirmed() {
    return new PendingTransaction(
        key, from, nonce, hash, signedTransaction, Status.CONFIRMED, Optional.empty());
  }

  public PendingTransaction failed(String reason) {
    return new PendingTransaction(
        key, from, nonce, hash, signedTransaction, Status.FAILED, Optional.of(reason));
  }

  public PendingTransaction rejected(String reason) {
    return new PendingTransaction(
        key, from, nonce, hash, signedTransaction, Status.REJECTED, Optional.of(reason));
  }

  /** Whether the operation may be attempted again with a new transaction under the same key. */
  public boolean retryable() {
    return status == Status.FAILED || status == Status.REJECTED;
  }
}
