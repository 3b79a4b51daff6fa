package io.datamint.chain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.chain.ChainFixture;
import io.datamint.chain.sales.Web3jDatasetSales;
import io.datamint.chain.tokenizer.Web3jDatasetTokenizer;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainEventListener;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer.DatasetMint;
import io.datamint.domain.model.chain.IndexerCheckpointStore;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.SpdxLicense;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fresh chain per test: these tests rewrite history with evm_snapshot and evm_revert. */
class ChainEventIndexerIT {

  ChainFixture fixture;
  Web3jDatasetTokenizer tokenizer;
  Web3jDatasetSales sales;
  final RecordingListener listener = new RecordingListener();
  final MemoryCheckpoints checkpoints = new MemoryCheckpoints();

  @BeforeEach
  void startChain() throws Exception {
    fixture = ChainFixture.start();
    tokenizer = new Web3jDatasetTokenizer(fixture.chain, fixture.contracts);
    sales = new Web3jDatasetSales(fixture.chain, fixture.contracts);
  }

  @AfterEach
  void stopChain() {
    fixture.close();
  }

  ChainEventIndexer indexer(long confirmations) {
    return new ChainEventIndexer(
        fixture.chain.web3j(),
        List.of(fixture.contracts.dataNft(), fixture.contracts.purchase()),
        confirmations,
        fixture.contracts.deployedAtBlock(),
        1_000,
        checkpoints,
        listener);
  }

  DataNftId mint() {
    return tokenizer
        .mint(
            ChainOperationKey.of("mint", UUID.randomUUID()),
            new DatasetMint(
                ChainFixture.key(1).address(),
                Cid.of("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"),
                Cid.of("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"),
                ContentHash.ofDigest(new byte[32]),
                SpdxLicense.of("CC0-1.0"),
                0,
                "Access",
                "DT"))
        .tokenId();
  }

  @Test
  void deliversAnEventOnlyOnceItIsBuriedUnderTheConfirmationDepth() throws Exception {
    ChainEventIndexer indexer = indexer(3);
    indexer.poll();
    listener.events.clear();
    DataNftId dataset = mint();

    indexer.poll();
    assertThat(listener.names()).doesNotContain("DatasetMinted");

    fixture.anvil.mine(3);
    indexer.poll();
    assertThat(listener.names()).contains("DatasetMinted", "VersionPublished");
    ChainEvent minted =
        listener.events.stream()
            .filter(e -> e.name().equals("DatasetMinted"))
            .findFirst()
            .orElseThrow();
    assertThat(minted.argument("datasetId")).isEqualTo(Long.toString(dataset.value()));
    assertThat(minted.argument("contributor")).isEqualTo(ChainFixture.key(1).address().value());
  }

  @Test
  void anOrderThatAReorganisationRemovedIsNeverDeliveredWithinTheDepth() throws Exception {
    DataNftId dataset = mint();
    sales.setPrice(
        ChainOperationKey.of("price", UUID.randomUUID()), dataset, TokenAmount.ofTokens("1"));
    ChainEventIndexer indexer = indexer(2);
    fixture.anvil.mine(2);
    indexer.poll();
    listener.events.clear();
    String snapshot = fixture.anvil.snapshot();

    sales.buy(
        ChainOperationKey.of("buy", UUID.randomUUID()),
        ChainFixture.key(2),
        dataset,
        TokenAmount.ofTokens("1"));
    indexer.poll();
    fixture.anvil.revert(snapshot);
    fixture.anvil.mine(5);
    indexer.poll();

    assertThat(listener.names()).doesNotContain("OrderStarted");
    assertThat(listener.rolledBackFrom).isEmpty();
  }

  @Test
  void aReorganisationDeeperThanTheDepthRollsBackAndReplaysTheNewHistory() throws Exception {
    DataNftId dataset = mint();
    sales.setPrice(
        ChainOperationKey.of("price", UUID.randomUUID()), dataset, TokenAmount.ofTokens("1"));
    fixture.anvil.mine(1);
    ChainEventIndexer indexer = indexer(0);
    indexer.poll();
    String snapshot = fixture.anvil.snapshot();
    long forkBlock =
        fixture.chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact() + 1;

    sales.buy(
        ChainOperationKey.of("buy", UUID.randomUUID()),
        ChainFixture.key(2),
        dataset,
        TokenAmount.ofTokens("1"));
    indexer.poll();
    assertThat(listener.names()).contains("OrderStarted");

    fixture.anvil.revert(snapshot);
    fixture.anvil.mine(3);
    indexer.poll();

    assertThat(listener.rolledBackFrom).containsExactly(forkBlock);
    assertThat(listener.namesAfterLastRollback()).doesNotContain("OrderStarted");
  }

  static final class RecordingListener implements ChainEventListener {
    final List<ChainEvent> events = new ArrayList<>();
    final List<Long> rolledBackFrom = new ArrayList<>();
    int lastRollbackAt = 0;

    @Override
    public void onConfirmed(ChainEvent event) {
      events.add(event);
    }

    @Override
    public void onRolledBack(long fromBlock) {
      rolledBackFrom.add(fromBlock);
      events.removeIf(e -> e.blockNumber() >= fromBlock);
      lastRollbackAt = events.size();
    }

    List<String> names() {
      return events.stream().map(ChainEvent::name).toList();
    }

    List<String> namesAfterLastRollback() {
      return names();
    }
  }

  static final class MemoryCheckpoints implements IndexerCheckpointStore {
    private Checkpoint checkpoint = Checkpoint.empty();

    @Override
    public Checkpoint load() {
      return checkpoint;
    }

    @Override
    public void save(Checkpoint checkpoint) {
      this.checkpoint = checkpoint;
    }
  }
}
