package io.datamint.chain;

import io.datamint.chain.tx.InMemoryPendingTransactionStore;
import io.datamint.chain.tx.RevertDecoder;
import io.datamint.chain.tx.TransactionSender;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.WalletKey;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * One connection to a chain, shared by the adapters: the node, the chain id, the transaction sender
 * and the platform's signing key (publisher, validator, relayer on the contracts).
 */
public final class ChainClient implements AutoCloseable {

  /** Wrappers loaded here only encode calls and read state; gas is set by the sender. */
  public static final ContractGasProvider NO_GAS =
      new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

  private final Web3j web3j;
  private final long chainId;
  private final TransactionSender sender;
  private final Credentials platform;

  public ChainClient(Web3j web3j, long chainId, TransactionSender sender, Credentials platform) {
    this.web3j = Objects.requireNonNull(web3j, "web3j must not be null");
    this.chainId = chainId;
    this.sender = Objects.requireNonNull(sender, "sender must not be null");
    this.platform = Objects.requireNonNull(platform, "platform credentials must not be null");
  }

  /**
   * Connects to {@code rpcUrl}, reads its chain id and sends with {@code store}.
   *
   * @param pollInterval how often to ask for a receipt (anvil mines at once: 50 ms is plenty)
   */
  public static ChainClient connect(
      String rpcUrl,
      Credentials platform,
      PendingTransactionStore store,
      Duration pollInterval,
      Duration receiptTimeout) {
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    long chainId;
    try {
      chainId = web3j.ethChainId().send().getChainId().longValueExact();
    } catch (IOException e) {
      web3j.shutdown();
      throw new ChainUnavailableException("cannot reach the chain node at " + rpcUrl, e);
    }
    TransactionSender sender =
        new TransactionSender(
            web3j,
            chainId,
            store,
            RevertDecoder.forDatamintContracts(),
            pollInterval,
            receiptTimeout);
    return new ChainClient(web3j, chainId, sender, platform);
  }

  /** For tools and tests: an in-memory store of pending transactions. */
  public static ChainClient connect(String rpcUrl, Credentials platform) {
    return connect(
        rpcUrl,
        platform,
        new InMemoryPendingTransactionStore(),
        Duration.ofMillis(100),
        Duration.ofMinutes(2));
  }

  public static Credentials credentials(WalletKey key) {
    return Credentials.create(ECKeyPair.create(key.privateKey()));
  }

  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return chainId;
  }

  public TransactionSender sender() {
    return sender;
  }

  public Credentials platform() {
    return platform;
  }

  /** A transaction manager that only reads: the wrappers use it for {@code eth_call}. */
  public TransactionManager reader() {
    return new ReadonlyTransactionManager(web3j, platform.getAddress());
  }

  /** Reads a view function, translating I/O failures into the domain's exception. */
  public <T> T read(RemoteFunctionCall<T> call, String what) {
    try {
      return call.send();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read " + what + " from the chain", e);
    } catch (Exception e) {
      throw new IllegalStateException("reading " + what + " failed: " + e.getMessage(), e);
    }
  }

  /** The decoded events of type {@code event} emitted by {@code contract} in a receipt. */
  public static <T> List<T> events(
      TransactionReceipt receipt, String contract, Event event, Function<Log, T> decoder) {
    String topic = EventEncoder.encode(event);
    List<T> result = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      if (log.getAddress().equalsIgnoreCase(contract)
          && !log.getTopics().isEmpty()
          && log.getTopics().get(0).equalsIgnoreCase(topic)) {
        result.add(decoder.apply(log));
      }
    }
    return result;
  }

  /** The one event of a type a successful receipt must contain. */
  public static <T> T event(
      TransactionReceipt receipt, String contract, Event event, Function<Log, T> decoder) {
    List<T> found = events(receipt, contract, event, decoder);
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected one "
              + event.getName()
              + " in "
              + receipt.getTransactionHash()
              + ", found "
              + found.size());
    }
    return found.get(0);
  }

  static byte[] bytes32(byte[] value) {
    return Numeric.toBytesPadded(new BigInteger(1, value), 32);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
