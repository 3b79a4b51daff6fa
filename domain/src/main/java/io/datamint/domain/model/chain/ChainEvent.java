package io.datamint.domain.model.chain;

import java.util.Map;
import java.util.Objects;

/**
 * A confirmed event of one of our contracts, e.g. {@code OrderStarted} or {@code RewardClaimed},
 * with its arguments by name as text (addresses in lower-case hex, integers in decimal, bytes in
 * hex). {@code (transaction, logIndex)} identifies it: a listener that sees it twice (after a
 * rollback, or a restart) must apply it once.
 */
public record ChainEvent(
    ContractAddress contract,
    String name,
    long blockNumber,
    String blockHash,
    TxHash transaction,
    long logIndex,
    Map<String, String> arguments) {

  public ChainEvent {
    Objects.requireNonNull(contract, "contract must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(blockHash, "block hash must not be null");
    Objects.requireNonNull(transaction, "transaction must not be null");
    arguments = Map.copyOf(arguments);
  }

  public String argument(String name) {
    String value = arguments.get(name);
    if (value == null) {
      throw new IllegalArgumentException(this.name + " has no argument " + name);
    }
    return value;
  }
}
