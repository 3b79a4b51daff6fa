package io.datamint.chain.deploy;

import io.datamint.chain.ChainClient;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.generated.DataNFT;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.generated.Purchase;
import io.datamint.chain.generated.RewardEscrow;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.TokenAmount;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the payment token, DataNFT, Purchase and RewardEscrow, wires their roles, funds demo
 * accounts with payment tokens and writes the addresses to a JSON file. Run on every start of the
 * local stack: when the file names contracts that have code on the chain it does nothing, so a
 * chain kept with {@code anvil --state} keeps its contracts.
 *
 * <pre>
 * java io.datamint.chain.deploy.DeployContracts --rpc http://127.0.0.1:8545 --out var/chain.json
 *     [--key 0xPLATFORM_KEY] [--fund 0xADDR,0xADDR] [--fund-amount 10000]
 * </pre>
 *
 * The key signs everything and becomes the platform: admin, publisher, moderator, validator, price
 * setter, fee recipient and (for the demo) the labelers' royalty pool. The default is anvil's
 * well-known first development key, which is only ever valid on a local chain.
 */
public final class DeployContracts {

  /** anvil's first development account: public knowledge, worthless anywhere but locally. */
  public static final String ANVIL_KEY_0 =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  /** anvil's development accounts 1-9, the demo users. */
  public static final List<String> ANVIL_DEMO_ACCOUNTS =
      List.of(
          "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
          "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
          "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
          "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
          "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
          "0x976ea74026e726554db657fa54763abd0c3a0aa9",
          "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
          "0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f",
          "0xa0ee7a142d267c1f36714e4a8f75612f20a79720");

  private static final int PLATFORM_BPS = 500;
  private static final int POOL_BPS = 2_000;

  private DeployContracts() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    try (ChainClient chain = ChainClient.connect(options.rpc, Credentials.create(options.key))) {
      DatamintContracts contracts = deployIfAbsent(chain, options.out);
      fund(chain, contracts, options.fund, TokenAmount.ofTokens(options.fundAmount));
      System.out.println("contracts: " + contracts);
      System.out.println("addresses written to " + options.out.toAbsolutePath());
    }
  }

  /** Deploys unless {@code out} already names contracts that exist on this chain. */
  public static DatamintContracts deployIfAbsent(ChainClient chain, Path out) throws IOException {
    if (Files.exists(out)) {
      DatamintContracts existing = DatamintContracts.read(out);
      if (existing.chainId() == chain.chainId() && hasCode(chain, existing.rewardEscrow())) {
        System.out.println("contracts already deployed, keeping " + out);
        return existing;
      }
    }
    DatamintContracts deployed = deploy(chain);
    deployed.write(out);
    return deployed;
  }

  /** Deploys a fresh set of contracts; the platform key becomes admin of all of them. */
  public static DatamintContracts deploy(ChainClient chain) throws IOException {
    Credentials platform = chain.platform();
    String me = platform.getAddress();
    // Every deployment gets keys of its own: a second deployment on the same chain must not be
    // mistaken for a retry of the first.
    String run = "deploy:" + chain.chainId() + ":" + System.currentTimeMillis();
    long block = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact() + 1;

    String token = create(chain, run + ":token", MockPaymentToken.BINARY, new Address(me));
    String nft = create(chain, run + ":nft", DataNFT.BINARY, new Address(me));
    String purchase =
        create(
            chain,
            run + ":purchase",
            Purchase.BINARY,
            new Address(me),
            new Address(token),
            new Address(nft),
            new Address(me),
            new Address(me),
            new Uint16(PLATFORM_BPS),
            new Uint16(POOL_BPS));
    String escrow =
        create(chain, run + ":escrow", RewardEscrow.BINARY, new Address(me), new Address(token));

    DataNFT dataNft = DataNFT.load(nft, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    Purchase sales = Purchase.load(purchase, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    RewardEscrow rewards =
        RewardEscrow.load(escrow, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    grant(
        chain,
        run + ":grant:nft-publisher",
        nft,
        dataNft.grantRole(role("PUBLISHER_ROLE"), me).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:nft-moderator",
        nft,
        dataNft.grantRole(role("MODERATOR_ROLE"), me).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:nft-minter",
        nft,
        dataNft.grantRole(role("MINTER_ROLE"), purchase).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:purchase-price-setter",
        purchase,
        sales.grantRole(role("PRICE_SETTER_ROLE"), me).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:purchase-fee-manager",
        purchase,
        sales.grantRole(role("FEE_MANAGER_ROLE"), me).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:escrow-validator",
        escrow,
        rewards.grantRole(role("VALIDATOR_ROLE"), me).encodeFunctionCall());
    grant(
        chain,
        run + ":grant:escrow-pauser",
        escrow,
        rewards.grantRole(role("PAUSER_ROLE"), me).encodeFunctionCall());

    return new DatamintContracts(
        chain.chainId(),
        ContractAddress.of(token),
        ContractAddress.of(nft),
        ContractAddress.of(purchase),
        ContractAddress.of(escrow),
        block);
  }

  /** Mints payment tokens to each account (the platform key owns the mock token). */
  public static void fund(
      ChainClient chain, DatamintContracts contracts, List<String> accounts, TokenAmount amount) {
    MockPaymentToken token =
        MockPaymentToken.load(
            contracts.paymentToken().value(), chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    for (String account : accounts) {
      BigInteger balance = chain.read(token.balanceOf(account), "a balance");
      if (balance.compareTo(amount.units()) >= 0) {
        continue;
      }
      String data = token.mint(account, amount.units().subtract(balance)).encodeFunctionCall();
      chain
          .sender()
          .send(
              ChainOperationKey.of("fund", contracts.paymentToken().value(), account, balance),
              chain.platform(),
              contracts.paymentToken().value(),
              data,
              BigInteger.ZERO);
    }
  }

  private static String create(ChainClient chain, String key, String binary, Type<?>... args) {
    String data = binary + FunctionEncoder.encodeConstructor(Arrays.asList(args));
    TransactionReceipt receipt =
        chain
            .sender()
            .send(new ChainOperationKey(key), chain.platform(), null, data, BigInteger.ZERO);
    return receipt.getContractAddress();
  }

  private static void grant(ChainClient chain, String key, String contract, String data) {
    chain
        .sender()
        .send(new ChainOperationKey(key), chain.platform(), contract, data, BigInteger.ZERO);
  }

  private static byte[] role(String name) {
    return org.web3j.crypto.Hash.sha3(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static boolean hasCode(ChainClient chain, ContractAddress contract) throws IOException {
    String code =
        chain
            .web3j()
            .ethGetCode(contract.value(), DefaultBlockParameterName.LATEST)
            .send()
            .getCode();
    return code != null && code.length() > 2;
  }

  private record Options(String rpc, Path out, String key, List<String> fund, String fundAmount) {

    static Options parse(String[] args) {
      String rpc = "http://127.0.0.1:8545";
      Path out = Path.of("var/chain/contracts.json");
      String key = ANVIL_KEY_0;
      List<String> fund = new ArrayList<>(ANVIL_DEMO_ACCOUNTS);
      String amount = "10000";
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--rpc" -> rpc = require(args[i], value);
          case "--out" -> out = Path.of(require(args[i], value));
          case "--key" -> key = require(args[i], value);
          case "--fund" ->
              fund = value == null || value.isBlank() ? List.of() : List.of(value.split(","));
          case "--fund-amount" -> amount = require(args[i], value);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + " (use --rpc URL --out FILE [--key HEX] [--fund A,B] [--fund-amount N])");
        }
        i++;
      }
      return new Options(rpc, out, key, fund, amount);
    }

    private static String require(String option, String value) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }
  }
}
