package io.datamint.domain.application;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one schedule of durable chain operations (DESIGN flows 1, 2 and 4): claim a due operation in
 * a short transaction, call the chain outside any transaction under the operation's key, record the
 * outcome. Every {@link ChainOperationKind} goes through here, so they all keep the same rules:
 *
 * <ul>
 *   <li>chain unavailable (node down, no receipt in time): postponed with {@link
 *       io.datamint.domain.model.chain.ChainRetry}'s back-off, keeping the transaction the chain
 *       adapter recorded under the key (SUBMITTED), if it got that far;
 *   <li>chain refused (a revert, decoded; no funds for gas): failed with the decoded message and
 *       the reverted transaction, until someone retries it;
 *   <li>anything unexpected: postponed like an outage, so nothing is lost.
 * </ul>
 *
 * It is stateless and not a bean of its own: the kinds' processors hold one, so that each can be
 * built in a unit test with fakes.
 */
public final class ChainOperationSchedule {

  private static final Logger LOG = Logger.getLogger(ChainOperationSchedule.class.getName());

  private final PendingTransactionStore transactions;

  public ChainOperationSchedule(PendingTransactionStore transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
  }

  /**
   * Attempts every due operation of {@code kind}, at most {@code limit}.
   *
   * @return how many were attempted
   */
  public <W> int processDue(ChainOperationKind<W> kind, int limit) {
    List<ChainOperationKey> due = kind.due(limit);
    int attempted = 0;
    for (ChainOperationKey key : due) {
      if (process(kind, key)) {
        attempted++;
      }
    }
    return attempted;
  }

  /**
   * One attempt at one operation.
   *
   * @return false when there was nothing to do (not due, taken by another worker, or waiting)
   */
  public <W> boolean process(ChainOperationKind<W> kind, ChainOperationKey key) {
    Optional<W> claimed;
    try {
      claimed = kind.claim(key);
    } catch (RuntimeException e) {
      // most likely another worker claimed it at the same moment (optimistic lock)
      LOG.log(Level.FINE, kind.name() + ": could not claim " + key, e);
      return false;
    }
    if (claimed.isEmpty()) {
      return false;
    }
    try {
      kind.send(key, claimed.get());
    } catch (ChainUnavailableException e) {
      kind.recordPostponed(
          key, "the chain is unavailable: " + e.getMessage(), recorded(key, false));
    } catch (ChainRejectedException e) {
      kind.recordFailed(key, e.reason(), e.getMessage(), recorded(key, true));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, kind.name() + ": " + key + " stopped unexpectedly", e);
      kind.recordPostponed(key, "unexpected error: " + e, recorded(key, false));
    }
    return true;
  }

  /**
   * The transaction the chain port recorded under the key: a pending one while the outcome is open,
   * or (for a failure) the reverted one, whose hash tells what happened. A transaction the node
   * refused was never mined and is not worth showing.
   */
  private Optional<TxHash> recorded(ChainOperationKey key, boolean includeReverted) {
    try {
      return transactions
          .find(key)
          .filter(
              t ->
                  t.status() == PendingTransaction.Status.SENT
                      || t.status() == PendingTransaction.Status.CONFIRMED
                      || (includeReverted && t.status() == PendingTransaction.Status.FAILED))
          .map(PendingTransaction::hash);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
