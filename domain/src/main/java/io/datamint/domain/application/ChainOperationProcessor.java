package io.datamint.domain.application;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.PendingTransactionStore;

/**
 * A {@link ChainOperationKind} worked off by its own {@link ChainOperationSchedule}: what the
 * tokenization, campaign-budget and reward processors share, so that each of them holds only what
 * it sends and records.
 *
 * @param <W> what one attempt needs for its chain call
 */
public abstract class ChainOperationProcessor<W> implements ChainOperationKind<W> {

  private ChainOperationSchedule schedule;

  protected ChainOperationProcessor() {
    // for CDI proxies
  }

  protected ChainOperationProcessor(PendingTransactionStore transactions) {
    this.schedule = new ChainOperationSchedule(transactions);
  }

  /**
   * Attempts every due operation of this kind, at most {@code limit}.
   *
   * @return how many were attempted
   */
  public int processDue(int limit) {
    return schedule.processDue(this, limit);
  }

  /**
   * One attempt at one operation.
   *
   * @return false when there was nothing to do (not due, taken by another worker, or waiting)
   */
  public boolean process(ChainOperationKey key) {
    return schedule.process(this, key);
  }
}
