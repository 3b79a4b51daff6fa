package io.datamint.chain;

import io.datamint.chain.deploy.DeployContracts;
import io.datamint.chain.tx.InMemoryPendingTransactionStore;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Duration;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** anvil with the contracts deployed and the first three development accounts funded. */
public final class ChainFixture implements AutoCloseable {

  public final AnvilProcess anvil;
  public final ChainClient chain;
  public final DatamintContracts contracts;
  public final PendingTransactionStore store;

  private ChainFixture(
      AnvilProcess anvil,
      ChainClient chain,
      DatamintContracts contracts,
      PendingTransactionStore store) {
    this.anvil = anvil;
    this.chain = chain;
    this.contracts = contracts;
    this.store = store;
  }

  public static ChainFixture start() throws Exception {
    AnvilProcess anvil = AnvilProcess.start();
    PendingTransactionStore store = new InMemoryPendingTransactionStore();
    ChainClient chain =
        ChainClient.connect(
            anvil.rpcUrl(),
            Credentials.create(AnvilProcess.KEYS.get(0)),
            store,
            Duration.ofMillis(20),
            Duration.ofSeconds(30));
    DatamintContracts contracts = DeployContracts.deploy(chain);
    DeployContracts.fund(
        chain,
        contracts,
        List.of(key(1).address().value(), key(2).address().value(), key(3).address().value()),
        TokenAmount.ofTokens("1000"));
    return new ChainFixture(anvil, chain, contracts, store);
  }

  /** A second client on the same chain and store: what the application sees after a restart. */
  public ChainClient restartedClient() {
    return ChainClient.connect(
        anvil.rpcUrl(),
        Credentials.create(AnvilProcess.KEYS.get(0)),
        store,
        Duration.ofMillis(20),
        Duration.ofSeconds(30));
  }

  /** anvil development account {@code i} as a custodial wallet key. */
  public static WalletKey key(int i) {
    Credentials credentials = Credentials.create(AnvilProcess.KEYS.get(i));
    return new WalletKey(
        WalletAddress.of(credentials.getAddress()),
        Numeric.toBytesPadded(credentials.getEcKeyPair().getPrivateKey(), 32));
  }

  @Override
  public void close() {
    chain.close();
    anvil.close();
  }
}
