package io.datamint.webapp.infrastructure.chain;

import io.datamint.chain.ChainClient;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.events.ChainEventIndexer;
import io.datamint.chain.tokenizer.Web3jDatasetTokenizer;
import io.datamint.chain.tx.TransactionSender;
import io.datamint.domain.application.RewardService;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainEventListener;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.webapp.infrastructure.config.StackEndpoints;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The application's one connection to the chain: the node ({@code datamint.chain.rpc}), the
 * contracts (from the file the deployer writes, {@code datamint.chain.contracts}), the platform's
 * signing key ({@code datamint.chain.platform-key}) and the database-backed transaction store.
 *
 * <p>It connects on first use, not at deployment, and tries again on every use until it succeeds:
 * the application must start, and approvals must be accepted, while the chain is down. The first
 * successful connection re-broadcasts what a previous run had recorded but maybe not sent ({@link
 * TransactionSender#resumeUnfinished()}) before anything new is sent.
 *
 * <p>Adapters are reached through {@link #connect()} rather than produced as CDI beans: {@link
 * ChainClient} and the web3j adapters are final classes built from a live connection, which does
 * not exist while the node is down.
 */
@ApplicationScoped
public class ChainConnection {

  private static final Logger LOG = Logger.getLogger(ChainConnection.class.getName());
  private static final int BLOCKS_PER_POLL = 500;

  @Inject StackEndpoints endpoints;

  @Inject
  @ConfigProperty(name = "datamint.chain.id", defaultValue = "31337")
  long chainId;

  @Inject
  @ConfigProperty(name = "datamint.chain.contracts", defaultValue = "var/chain/contracts.json")
  String contractsFile;

  @Inject
  @ConfigProperty(name = "datamint.chain.platform-key", defaultValue = " ")
  String platformKey;

  @Inject
  @ConfigProperty(name = "datamint.chain.confirmations", defaultValue = "0")
  long confirmations;

  @Inject
  @ConfigProperty(name = "datamint.chain.receipt-timeout-seconds", defaultValue = "60")
  long receiptTimeoutSeconds;

  @Inject PendingTransactionStore transactions;
  @Inject TokenizationService tokenization;
  @Inject RewardService rewards;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  private volatile Connected connected;

  /** A live connection and what is built on it. */
  public record Connected(
      ChainClient client,
      DatamintContracts contracts,
      Web3jDatasetTokenizer tokenizer,
      ChainEventIndexer indexer,
      ChainEventIndexer rewardIndexer) {

    public TransactionSender sender() {
      return client.sender();
    }
  }

  /**
   * The connection, opened now if it is not yet.
   *
   * @throws ChainUnavailableException when the node cannot be reached or is not the configured
   *     chain, the contracts are not deployed, or the platform key is not configured; the message
   *     says which, and the next call tries again
   */
  public Connected connect() {
    Connected current = connected;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (connected == null) {
        connected = open();
      }
      return connected;
    }
  }

  /** The connection if one is open; never connects. */
  public Optional<Connected> current() {
    return Optional.ofNullable(connected);
  }

  public Web3jDatasetTokenizer tokenizer() {
    return connect().tokenizer();
  }

  private Connected open() {
    if (platformKey == null || platformKey.isBlank()) {
      throw new ChainUnavailableException(
          "datamint.chain.platform-key is not configured (the platform's signing key, hex)", null);
    }
    DatamintContracts contracts = readContracts();
    Credentials platform;
    try {
      platform = Credentials.create(platformKey.strip());
    } catch (RuntimeException e) {
      throw new ChainUnavailableException(
          "datamint.chain.platform-key is not a valid private key (64 hex digits)", null);
    }
    String rpc = endpoints.chainRpc().toString();
    ChainClient client =
        ChainClient.connect(
            rpc,
            platform,
            transactions,
            Duration.ofMillis(200),
            Duration.ofSeconds(receiptTimeoutSeconds));
    try {
      if (client.chainId() != chainId) {
        throw new ChainUnavailableException(
            "the node at " + rpc + " is chain " + client.chainId() + ", configured is " + chainId,
            null);
      }
      requireCode(client, contracts);
      client.sender().resumeUnfinished();
      Web3jDatasetTokenizer tokenizer = new Web3jDatasetTokenizer(client, contracts);
      ChainEventIndexer indexer =
          new ChainEventIndexer(
              client.web3j(),
              List.of(contracts.dataNft()),
              confirmations,
              contracts.deployedAtBlock(),
              BLOCKS_PER_POLL,
              new JdbcIndexerCheckpointStore(
                  dataSource, "datanft:" + chainId + ":" + contracts.dataNft().value()),
              new TokenizationEvents(tokenization));
      // the escrow's own indexer and checkpoint: its events (payments, roots) reconcile the
      // payout ledger, whoever sent the transaction
      ChainEventIndexer rewardIndexer =
          new ChainEventIndexer(
              client.web3j(),
              List.of(contracts.rewardEscrow()),
              confirmations,
              contracts.deployedAtBlock(),
              BLOCKS_PER_POLL,
              new JdbcIndexerCheckpointStore(
                  dataSource, "rewardescrow:" + chainId + ":" + contracts.rewardEscrow().value()),
              new RewardEvents(rewards));
      LOG.info(
          () ->
              "chain: connected to "
                  + rpc
                  + " (chain "
                  + chainId
                  + "), DataNFT "
                  + contracts.dataNft()
                  + ", platform "
                  + platform.getAddress());
      return new Connected(client, contracts, tokenizer, indexer, rewardIndexer);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private DatamintContracts readContracts() {
    Path file = Path.of(contractsFile);
    if (!Files.isRegularFile(file)) {
      throw new ChainUnavailableException(
          "no contract addresses at "
              + file.toAbsolutePath()
              + " (datamint.chain.contracts): ./datamint run deploys the contracts and writes it",
          null);
    }
    DatamintContracts contracts;
    try {
      contracts = DatamintContracts.read(file);
    } catch (IOException | RuntimeException e) {
      throw new ChainUnavailableException("cannot read the contract addresses in " + file, e);
    }
    if (contracts.chainId() != chainId) {
      throw new ChainUnavailableException(
          file + " lists contracts of chain " + contracts.chainId() + ", configured is " + chainId,
          null);
    }
    return contracts;
  }

  private static void requireCode(ChainClient client, DatamintContracts contracts) {
    String code;
    try {
      code =
          client
              .web3j()
              .ethGetCode(contracts.dataNft().value(), DefaultBlockParameterName.LATEST)
              .send()
              .getCode();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot reach the chain node", e);
    }
    if (code == null || code.equals("0x")) {
      throw new ChainUnavailableException(
          "no DataNFT contract at "
              + contracts.dataNft()
              + " on this chain (a fresh chain?): ./datamint run deploys the contracts again",
          null);
    }
  }

  @PreDestroy
  void close() {
    Connected current = connected;
    if (current != null) {
      current.client().close();
    }
  }

  /** Hands the reward escrow's confirmed events to the reward use cases, each in a transaction. */
  record RewardEvents(RewardService rewards) implements ChainEventListener {

    @Override
    public void onConfirmed(ChainEvent event) {
      rewards.applyConfirmed(event);
    }

    @Override
    public void onRolledBack(long fromBlock) {
      rewards.rollBackFrom(fromBlock);
    }
  }

  /** Hands the DataNFT's confirmed events to the tokenization use cases, each in a transaction. */
  record TokenizationEvents(TokenizationService tokenization) implements ChainEventListener {

    @Override
    public void onConfirmed(ChainEvent event) {
      tokenization.applyConfirmed(event);
    }

    @Override
    public void onRolledBack(long fromBlock) {
      tokenization.rollBackFrom(fromBlock);
    }
  }
}
