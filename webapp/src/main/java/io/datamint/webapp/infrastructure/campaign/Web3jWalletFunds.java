package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.WalletFunds;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.webapp.infrastructure.chain.ChainConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Convert;

/**
 * Checks that a custodial wallet can fund a deposit, and on a local development chain tops it up.
 *
 * <p>Custodial wallets start empty: no payment token, no ether for gas. In production the owner
 * buys the payment token into the wallet (the campaign page shows its address). On the local chain
 * ({@code datamint.chain.local-faucet}: {@code auto} = on for chain id 31337, anvil's) the platform
 * account, which owns the mock payment token, mints the missing tokens to the wallet and sends it
 * {@value #GAS_TOP_UP_ETHER} ETH for gas, each as an idempotent operation derived from the
 * deposit's key ({@code <key>:faucet-token}, {@code <key>:faucet-gas}), so a retry never tops up
 * twice. Without the faucet a wallet short of either is refused with what is missing ({@code
 * InsufficientFunds}), and the owner retries the funding once it is topped up.
 */
@ApplicationScoped
public class Web3jWalletFunds implements WalletFunds {

  private static final Logger LOG = Logger.getLogger(Web3jWalletFunds.class.getName());
  static final String GAS_TOP_UP_ETHER = "0.1";
  static final long ANVIL_CHAIN_ID = 31337;

  /** Enough for an approval and a deposit at a generous local fee. */
  private static final BigInteger GAS_RESERVE =
      Convert.toWei("0.01", Convert.Unit.ETHER).toBigIntegerExact();

  @Inject ChainConnection chain;

  @Inject
  @ConfigProperty(name = "datamint.chain.local-faucet", defaultValue = "auto")
  String localFaucet;

  @Inject
  @ConfigProperty(name = "datamint.chain.id", defaultValue = "31337")
  long chainId;

  /** Whether wallets are topped up: {@code true}, {@code false}, or {@code auto} (anvil only). */
  boolean faucetOn() {
    String setting = localFaucet == null ? "auto" : localFaucet.strip().toLowerCase();
    return switch (setting) {
      case "true" -> true;
      case "false" -> false;
      default -> chainId == ANVIL_CHAIN_ID;
    };
  }

  @Override
  public void ensure(ChainOperationKey key, WalletAddress wallet, TokenAmount amount) {
    ChainConnection.Connected connection = chain.connect();
    Web3j web3j = connection.client().web3j();
    String token = connection.contracts().paymentToken().value();
    BigInteger ether = etherOf(web3j, wallet);
    BigInteger tokens = tokensOf(web3j, token, wallet);
    boolean shortOfTokens = tokens.compareTo(amount.units()) < 0;
    boolean shortOfGas = ether.compareTo(GAS_RESERVE) < 0;
    if (!shortOfTokens && !shortOfGas) {
      return;
    }
    if (!faucetOn()) {
      List<String> missing = new ArrayList<>();
      if (shortOfTokens) {
        missing.add(
            amount.minus(TokenAmount.ofUnits(tokens))
                + " more of the payment token (holds "
                + TokenAmount.ofUnits(tokens)
                + ", the budget is "
                + amount
                + ")");
      }
      if (shortOfGas) {
        missing.add(
            "ether for gas (holds "
                + Convert.fromWei(ether.toString(), Convert.Unit.ETHER).toPlainString()
                + " ETH, needs 0.01)");
      }
      throw new ChainRejectedException(
          "InsufficientFunds",
          "the wallet "
              + wallet
              + " needs "
              + String.join(" and ", missing)
              + "; top it up, then retry the funding");
    }
    if (shortOfTokens) {
      String mint =
          FunctionEncoder.encode(
              new Function(
                  "mint",
                  List.of(
                      new Address(wallet.value()), new Uint256(amount.units().subtract(tokens))),
                  List.of()));
      connection
          .sender()
          .send(
              new ChainOperationKey(key.value() + ":faucet-token"),
              connection.client().platform(),
              token,
              mint,
              BigInteger.ZERO);
      LOG.info(() -> "local faucet: minted payment tokens to " + wallet + " for " + key);
    }
    if (shortOfGas) {
      connection
          .sender()
          .send(
              new ChainOperationKey(key.value() + ":faucet-gas"),
              connection.client().platform(),
              wallet.value(),
              "0x",
              Convert.toWei(GAS_TOP_UP_ETHER, Convert.Unit.ETHER).toBigIntegerExact());
      LOG.info(
          () -> "local faucet: sent " + GAS_TOP_UP_ETHER + " ETH to " + wallet + " for " + key);
    }
  }

  private static BigInteger etherOf(Web3j web3j, WalletAddress wallet) {
    try {
      return web3j
          .ethGetBalance(wallet.value(), DefaultBlockParameterName.LATEST)
          .send()
          .getBalance();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read the balance of " + wallet, e);
    }
  }

  private static BigInteger tokensOf(Web3j web3j, String token, WalletAddress wallet) {
    Function balanceOf =
        new Function(
            "balanceOf",
            List.of(new Address(wallet.value())),
            List.of(new TypeReference<Uint256>() {}));
    try {
      String value =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(
                      wallet.value(), token, FunctionEncoder.encode(balanceOf)),
                  DefaultBlockParameterName.LATEST)
              .send()
              .getValue();
      @SuppressWarnings("rawtypes")
      List<Type> decoded = FunctionReturnDecoder.decode(value, balanceOf.getOutputParameters());
      if (decoded.isEmpty()) {
        throw new ChainUnavailableException("no payment token at " + token, null);
      }
      return (BigInteger) decoded.get(0).getValue();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read the token balance of " + wallet, e);
    }
  }
}
