package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durable record of signed transactions, written before they are broadcast. An implementation must
 * have made {@link #record} durable (committed) before it returns: the chain adapters broadcast
 * only after that.
 */
public interface PendingTransactionStore {

  Optional<PendingTransaction> find(ChainOperationKey key);

  /**
   * Records a new transaction, or replaces a {@link PendingTransaction#retryable() retryable} one
   * under the same key (a retry after a failure builds a new transaction).
   *
   * @throws IllegalStateException if the key holds a transaction that is not retryable
   */
  void record(PendingTransaction transaction);

  /** Moves a recorded transaction to its final status. */
  void update(PendingTransaction transaction);

  /**
   * The highest nonce recorded for {@code from} by a transaction that was not {@link
   * PendingTransaction.Status#REJECTED}, so that a restart never reuses a nonce.
   */
  OptionalLong highestNonce(WalletAddress from);

  /** Transactions recorded as sent whose outcome is not known yet, oldest first. */
  List<PendingTransaction> unfinished();
}
