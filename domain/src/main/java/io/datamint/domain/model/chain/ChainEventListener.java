package io.datamint.domain.model.chain;

/**
 * Receives our contracts' events once they are buried under the indexer's confirmation depth, in
 * chain order, and is told when a reorganisation took back blocks it had already seen.
 */
public interface ChainEventListener {

  /** An event, delivered at least once; apply it idempotently by (transaction, log index). */
  void onConfirmed(ChainEvent event);

  /** Undo whatever was applied from blocks numbered {@code fromBlock} or higher. */
  void onRolledBack(long fromBlock);
}
