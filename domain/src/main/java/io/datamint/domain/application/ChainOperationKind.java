package io.datamint.domain.application;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TxHash;
import java.util.List;
import java.util.Optional;

/**
 * One kind of durable chain operation worked off by {@link ChainOperationSchedule}: the mints and
 * version publications of tokenization, the campaigns' deposits and refunds, the rewards'
 * settlements and claims. A kind supplies only what differs between them: which of its operations
 * are due, what an attempt reads (in a short transaction), what it sends and records on success,
 * and how it records a postponement or a failure. Claiming, the outcome of a chain call and the
 * back-off are the schedule's, so all kinds behave alike when the chain is down or refuses.
 *
 * @param <W> what one attempt needs for its chain call, read while claiming
 */
public interface ChainOperationKind<W> {

  /** For logs, e.g. {@code tokenization}. */
  String name();

  /** Keys of this kind's operations due now, oldest first. */
  List<ChainOperationKey> due(int limit);

  /**
   * Takes a due operation for one attempt (pushing its next attempt out by a lease) and reads what
   * the chain call needs, in one short transaction.
   *
   * @return empty when there is nothing to send now: not due (another worker took it), waiting for
   *     something (recorded on the operation), or not possible (failed with a message)
   */
  Optional<W> claim(ChainOperationKey key);

  /**
   * Sends the operation's transaction(s) under {@code key}, outside any transaction, waits for the
   * outcome and records the success. Idempotent under the key: an attempt after a crash finds the
   * transaction recorded by the one before instead of sending a second.
   *
   * @throws io.datamint.domain.model.chain.ChainUnavailableException to be postponed
   * @throws io.datamint.domain.model.chain.ChainRejectedException to be failed
   */
  void send(ChainOperationKey key, W work);

  /** The attempt could not finish; the operation stays pending and is tried after the back-off. */
  void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded);

  /** The chain refused the operation; it stays failed until retried. */
  void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded);
}
