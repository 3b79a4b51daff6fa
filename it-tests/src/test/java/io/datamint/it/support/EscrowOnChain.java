package io.datamint.it.support;

import io.datamint.chain.DatamintContracts;
import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.generated.RewardEscrow;
import io.datamint.domain.model.chain.EscrowCampaignId;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.UUID;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * Reads what the reward escrow and the payment token say on the local chain, independently of the
 * application: what a labeler was paid in a campaign and what their wallet holds.
 */
public final class EscrowOnChain implements AutoCloseable {

  private final Web3j web3j;
  private final DatamintContracts contracts;

  public EscrowOnChain() throws Exception {
    web3j = Web3j.build(new HttpService(env("DATAMINT_CHAIN_RPC", "http://127.0.0.1:8545")));
    contracts =
        DatamintContracts.read(
            Path.of(env("DATAMINT_CHAIN_CONTRACTS", "../var/chain/contracts.json")));
  }

  /** What the escrow paid the labeler's wallet in the campaign so far, in token units. */
  public BigInteger claimed(String campaign, String wallet) throws Exception {
    return escrow().claimed(campaignKey(campaign), wallet).send();
  }

  /** What the campaign's latest root entitles all labelers to, in token units. */
  public BigInteger entitled(String campaign) throws Exception {
    return escrow().campaignOf(campaignKey(campaign)).send().entitled;
  }

  /** The wallet's payment-token balance, in token units. */
  public BigInteger balance(String wallet) throws Exception {
    String address = contracts.paymentToken().value();
    return MockPaymentToken.load(address, web3j, reader(address), NO_GAS).balanceOf(wallet).send();
  }

  private RewardEscrow escrow() {
    String address = contracts.rewardEscrow().value();
    return RewardEscrow.load(address, web3j, reader(address), NO_GAS);
  }

  private ReadonlyTransactionManager reader(String address) {
    return new ReadonlyTransactionManager(web3j, address);
  }

  private static byte[] campaignKey(String campaign) {
    return Web3jRewardEscrow.campaignKey(EscrowCampaignId.of(UUID.fromString(campaign)));
  }

  private static final StaticGasProvider NO_GAS =
      new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
