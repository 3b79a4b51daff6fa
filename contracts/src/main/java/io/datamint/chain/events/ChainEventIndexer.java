package io.datamint.chain.events;

import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainEventListener;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.IndexerCheckpointStore;
import io.datamint.domain.model.chain.IndexerCheckpointStore.BlockRef;
import io.datamint.domain.model.chain.IndexerCheckpointStore.Checkpoint;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows our contracts' events with a confirmation depth.
 *
 * <p>Each {@link #poll()} delivers the events of the blocks that are at least {@code confirmations}
 * deep and not yet delivered, then records the last such block with its hash. Before that it checks
 * the recorded hashes against the chain: if the chain no longer has a recorded block (a
 * reorganisation deeper than the confirmation depth), it drops recorded blocks until one matches,
 * tells the listener to roll back everything above it, and delivers again from there. Delivery is
 * at least once; listeners apply events idempotently by (transaction, log index).
 */
public final class ChainEventIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(ChainEventIndexer.class);
  private static final int KEPT_BLOCKS = 128;

  private final Web3j web3j;
  private final List<String> contracts;
  private final long confirmations;
  private final long startBlock;
  private final long maxBlocksPerPoll;
  private final IndexerCheckpointStore checkpoints;
  private final ChainEventListener listener;
  private final AbiEventDecoder decoder = new AbiEventDecoder();

  public ChainEventIndexer(
      Web3j web3j,
      List<ContractAddress> contracts,
      long confirmations,
      long startBlock,
      long maxBlocksPerPoll,
      IndexerCheckpointStore checkpoints,
      ChainEventListener listener) {
    this.web3j = Objects.requireNonNull(web3j, "web3j must not be null");
    this.contracts = contracts.stream().map(ContractAddress::value).toList();
    if (confirmations < 0 || maxBlocksPerPoll < 1) {
      throw new IllegalArgumentException("confirmations >= 0 and maxBlocksPerPoll >= 1");
    }
    this.confirmations = confirmations;
    this.startBlock = startBlock;
    this.maxBlocksPerPoll = maxBlocksPerPoll;
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
  }

  /**
   * Delivers newly confirmed events.
   *
   * @return how many events were delivered
   */
  public int poll() {
    try {
      List<BlockRef> recent = new ArrayList<>(checkpoints.load().recent());
      if (dropOrphanedBlocks(recent)) {
        long fromBlock = recent.isEmpty() ? startBlock : recent.get(recent.size() - 1).number() + 1;
        LOG.warn("chain reorganisation: rolling back from block {}", fromBlock);
        listener.onRolledBack(fromBlock);
        checkpoints.save(new Checkpoint(recent));
      }
      long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
      long safe = head - confirmations;
      long from = recent.isEmpty() ? startBlock : recent.get(recent.size() - 1).number() + 1;
      if (from > safe) {
        return 0;
      }
      long to = Math.min(safe, from + maxBlocksPerPoll - 1);
      String toHash = hashOf(to).orElseThrow();
      List<ChainEvent> events = new ArrayList<>();
      for (Log log : logs(from, to)) {
        decoder.decode(log).ifPresent(events::add);
      }
      if (!toHash.equals(hashOf(to).orElse(""))) {
        // The chain moved under us while we read: deliver nothing, the next poll starts over.
        return 0;
      }
      for (ChainEvent event : events) {
        listener.onConfirmed(event);
      }
      recent.add(new BlockRef(to, toHash));
      if (recent.size() > KEPT_BLOCKS) {
        recent.subList(0, recent.size() - KEPT_BLOCKS).clear();
      }
      checkpoints.save(new Checkpoint(recent));
      return events.size();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read events: the chain node is unreachable", e);
    }
  }

  /** Drops recorded blocks the chain no longer has; true if any was dropped. */
  private boolean dropOrphanedBlocks(List<BlockRef> recent) throws IOException {
    boolean dropped = false;
    while (!recent.isEmpty()) {
      BlockRef last = recent.get(recent.size() - 1);
      if (hashOf(last.number()).map(last.hash()::equals).orElse(false)) {
        break;
      }
      recent.remove(recent.size() - 1);
      dropped = true;
    }
    return dropped;
  }

  private Optional<String> hashOf(long number) throws IOException {
    EthBlock.Block block =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
            .send()
            .getBlock();
    return Optional.ofNullable(block).map(EthBlock.Block::getHash);
  }

  private List<Log> logs(long from, long to) throws IOException {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            contracts);
    EthLog response = web3j.ethGetLogs(filter).send();
    if (response.hasError()) {
      throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
    }
    List<Log> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : response.getLogs()) {
      logs.add((Log) result.get());
    }
    return logs;
  }
}
