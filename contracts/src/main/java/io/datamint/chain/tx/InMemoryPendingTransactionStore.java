package io.datamint.chain.tx;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link PendingTransactionStore} in memory: for tests, the deployer and single-run tools. It
 * survives an adapter being thrown away (a simulated crash) but not the JVM; the webapp uses a
 * database-backed store.
 */
public final class InMemoryPendingTransactionStore implements PendingTransactionStore {

  private final Map<ChainOperationKey, PendingTransaction> transactions = new LinkedHashMap<>();

  @Override
  public synchronized Optional<PendingTransaction> find(ChainOperationKey key) {
    return Optional.ofNullable(transactions.get(key));
  }

  @Override
  public synchronized void record(PendingTransaction transaction) {
    PendingTransaction existing = transactions.get(transaction.key());
    if (existing != null && !existing.retryable()) {
      throw new IllegalStateException(
          "operation " + transaction.key() + " already has transaction " + existing.hash());
    }
    transactions.put(transaction.key(), transaction);
  }

  @Override
  public synchronized void update(PendingTransaction transaction) {
    if (!transactions.containsKey(transaction.key())) {
      throw new IllegalStateException("no transaction recorded for " + transaction.key());
    }
    transactions.put(transaction.key(), transaction);
  }

  @Override
  public synchronized OptionalLong highestNonce(WalletAddress from) {
    return transactions.values().stream()
        .filter(t -> t.from().equals(from))
        .filter(t -> t.status() != PendingTransaction.Status.REJECTED)
        .mapToLong(PendingTransaction::nonce)
        .max();
  }

  @Override
  public synchronized List<PendingTransaction> unfinished() {
    List<PendingTransaction> result = new ArrayList<>();
    for (PendingTransaction t : transactions.values()) {
      if (t.status() == PendingTransaction.Status.SENT) {
        result.add(t);
      }
    }
    return result;
  }
}
