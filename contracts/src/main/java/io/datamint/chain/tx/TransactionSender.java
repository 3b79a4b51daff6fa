package io.datamint.chain.tx;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends transactions so that none is ever sent twice.
 *
 * <p>For an operation key it has not seen, it simulates the call (a revert is reported before
 * anything is signed), takes the sender's next nonce, signs an EIP-1559 transaction, RECORDS the
 * signed bytes and hash in the {@link PendingTransactionStore}, and only then broadcasts and polls
 * for the receipt. For a key it has seen, it looks the recorded transaction up on chain: mined ->
 * its receipt; known to the node -> wait; unknown (the crash came before the broadcast) -> the very
 * same signed bytes are broadcast again, which cannot pay twice because it is the same transaction
 * with the same nonce.
 *
 * <p>Nonces are assigned here, per account, under a lock, starting from the larger of the node's
 * pending count and the highest nonce in the store, so concurrent operations of one account never
 * collide and a restart never reuses a nonce.
 */
public final class TransactionSender {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
  private static final String NONCE_TOO_LOW = "NonceTooLow";
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})+");
  private static final Pattern CUSTOM_ERROR =
      Pattern.compile("custom error (0x[0-9a-fA-F]{8}):? ?([0-9a-fA-F]*)");
  private static final BigInteger DEFAULT_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

  private final Web3j web3j;
  private final long chainId;
  private final PendingTransactionStore store;
  private final RevertDecoder revertDecoder;
  private final Duration pollInterval;
  private final Duration receiptTimeout;
  private final Map<WalletAddress, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<WalletAddress, Long> nextNonces = new ConcurrentHashMap<>();

  public TransactionSender(
      Web3j web3j,
      long chainId,
      PendingTransactionStore store,
      RevertDecoder revertDecoder,
      Duration pollInterval,
      Duration receiptTimeout) {
    this.web3j = Objects.requireNonNull(web3j, "web3j must not be null");
    this.chainId = chainId;
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.revertDecoder = Objects.requireNonNull(revertDecoder, "revert decoder must not be null");
    this.pollInterval = Objects.requireNonNull(pollInterval, "poll interval must not be null");
    this.receiptTimeout = Objects.requireNonNull(receiptTimeout, "timeout must not be null");
  }

  /**
   * Performs the operation {@code key} as a call of {@code data} on {@code to} (null: a contract
   * creation) by {@code signer}, once, and returns its successful receipt.
   *
   * @throws ChainRejectedException if the call reverts or the node refuses it
   * @throws ChainUnavailableException if the node cannot be reached; retry with the same key
   */
  public TransactionReceipt send(
      ChainOperationKey key, Credentials signer, String to, String data, BigInteger value) {
    Optional<PendingTransaction> recorded = store.find(key);
    if (recorded.isPresent() && !recorded.get().retryable()) {
      LOG.info("operation {} was recorded as {}: resuming it", key, recorded.get().hash());
      return awaitOutcome(resume(recorded.get()), signer, to, data, value);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        PendingTransaction sent = signRecordAndBroadcast(key, signer, to, data, value);
        return awaitOutcome(sent, signer, to, data, value);
      } catch (ChainRejectedException e) {
        // Another sender (a second instance, a wallet) used the nonce: sign again with a new one.
        if (!NONCE_TOO_LOW.equals(e.reason()) || attempt == 3) {
          throw e;
        }
        LOG.info("nonce taken for {}; signing again ({})", key, e.getMessage());
      }
    }
  }

  /**
   * Broadcasts again every recorded transaction whose outcome is unknown and that the node does not
   * know (it was recorded, then the process stopped before or while broadcasting). Call it at
   * start-up, before new operations, so that no account is left with a gap in its nonces.
   */
  public void resumeUnfinished() {
    for (PendingTransaction pending : store.unfinished()) {
      resume(pending);
    }
  }

  private PendingTransaction signRecordAndBroadcast(
      ChainOperationKey key, Credentials signer, String to, String data, BigInteger value) {
    WalletAddress from = WalletAddress.of(signer.getAddress());
    BigInteger gasLimit = estimateGas(key, from, to, data, value);
    BigInteger[] fees = fees();
    ReentrantLock lock = locks.computeIfAbsent(from, a -> new ReentrantLock());
    lock.lock();
    try {
      long nonce = nextNonce(from);
      RawTransaction raw =
          RawTransaction.createTransaction(
              chainId,
              BigInteger.valueOf(nonce),
              gasLimit,
              to == null ? "" : to,
              value,
              data,
              fees[0],
              fees[1]);
      byte[] signed = TransactionEncoder.signMessage(raw, chainId, signer);
      String signedHex = Numeric.toHexString(signed);
      TxHash hash = TxHash.of(Numeric.toHexString(Hash.sha3(signed)));
      PendingTransaction pending = PendingTransaction.sent(key, from, nonce, hash, signedHex);
      // The point of no return: once recorded, this operation is this transaction, forever.
      store.record(pending);
      nextNonces.put(from, nonce + 1);
      broadcast(pending);
      return pending;
    } finally {
      lock.unlock();
    }
  }

  /** Brings a recorded transaction back to the node if the node has lost or never seen it. */
  private PendingTransaction resume(PendingTransaction pending) {
    try {
      if (web3j
          .ethGetTransactionReceipt(pending.hash().value())
          .send()
          .getTransactionReceipt()
          .isPresent()) {
        return pending;
      }
      if (web3j
          .ethGetTransactionByHash(pending.hash().value())
          .send()
          .getTransaction()
          .isPresent()) {
        return pending;
      }
    } catch (IOException e) {
      throw unavailable("look up " + pending.hash(), e);
    }
    LOG.warn(
        "transaction {} of {} is unknown to the node: broadcasting the recorded bytes again",
        pending.hash(),
        pending.key());
    broadcast(pending);
    return pending;
  }

  private void broadcast(PendingTransaction pending) {
    EthSendTransaction response;
    try {
      response = web3j.ethSendRawTransaction(pending.signedTransaction()).send();
    } catch (IOException e) {
      // Recorded but maybe not sent: a retry with the same key finds out and finishes the job.
      throw unavailable("broadcast " + pending.hash() + " for " + pending.key(), e);
    }
    if (!response.hasError()) {
      return;
    }
    String message = response.getError().getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("already known") || lower.contains("already imported")) {
      return;
    }
    nextNonces.remove(pending.from());
    if (lower.contains("nonce too low")) {
      store.update(pending.rejected(message));
      throw new ChainRejectedException(NONCE_TOO_LOW, message);
    }
    if (lower.contains("insufficient funds")) {
      store.update(pending.rejected(message));
      throw new ChainRejectedException(
          "InsufficientFunds",
          "account "
              + pending.from()
              + " has not enough ETH to pay for the gas of "
              + pending.key()
              + ": fund it and retry ("
              + message
              + ")");
    }
    store.update(pending.rejected(message));
    throw new ChainRejectedException(
        "NodeRefused", "the node refused " + pending.key() + ": " + message);
  }

  private TransactionReceipt awaitOutcome(
      PendingTransaction pending, Credentials signer, String to, String data, BigInteger value) {
    TransactionReceipt receipt = pollReceipt(pending);
    if (receipt.isStatusOK()) {
      if (pending.status() != PendingTransaction.Status.CONFIRMED) {
        store.update(pending.confirmed());
      }
      return receipt;
    }
    String revertData = replayForRevertData(signer.getAddress(), to, data, value, receipt);
    ChainRejectedException rejection = revertDecoder.toException(pending.key().value(), revertData);
    store.update(pending.failed(rejection.getMessage()));
    throw rejection;
  }

  private TransactionReceipt pollReceipt(PendingTransaction pending) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    try {
      while (true) {
        Optional<TransactionReceipt> receipt =
            web3j.ethGetTransactionReceipt(pending.hash().value()).send().getTransactionReceipt();
        if (receipt.isPresent()) {
          return receipt.get();
        }
        if (System.nanoTime() > deadline) {
          throw new ChainUnavailableException(
              "no receipt for "
                  + pending.hash()
                  + " ("
                  + pending.key()
                  + ") within "
                  + receiptTimeout
                  + "; it stays recorded and a retry resumes it",
              null);
        }
        Thread.sleep(pollInterval.toMillis());
      }
    } catch (IOException e) {
      throw unavailable("poll the receipt of " + pending.hash(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainUnavailableException("interrupted while waiting for " + pending.hash(), e);
    }
  }

  private BigInteger estimateGas(
      ChainOperationKey key, WalletAddress from, String to, String data, BigInteger value) {
    Transaction call =
        Transaction.createFunctionCallTransaction(from.value(), null, null, null, to, value, data);
    EthEstimateGas estimate;
    try {
      estimate = web3j.ethEstimateGas(call).send();
    } catch (IOException e) {
      throw unavailable("estimate gas for " + key, e);
    }
    if (estimate.hasError()) {
      Response.Error error = estimate.getError();
      String revertData = revertData(error);
      if (revertData != null) {
        throw revertDecoder.toException(key.value(), revertData);
      }
      String message = error.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("insufficient funds")) {
        throw new ChainRejectedException(
            "InsufficientFunds",
            "account "
                + from
                + " has not enough ETH to pay for the gas of "
                + key
                + ": "
                + message);
      }
      throw new ChainRejectedException("Revert", key + " would fail: " + message);
    }
    // Headroom: state can change between estimate and inclusion (e.g. a cold storage slot).
    return estimate
        .getAmountUsed()
        .multiply(BigInteger.valueOf(12))
        .divide(BigInteger.TEN)
        .add(BigInteger.valueOf(10_000));
  }

  /** {maxPriorityFeePerGas, maxFeePerGas}: twice the base fee leaves room for 6 full blocks. */
  private BigInteger[] fees() {
    try {
      BigInteger baseFee =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getBaseFeePerGas();
      BigInteger priority = DEFAULT_PRIORITY_FEE;
      var tip = web3j.ethMaxPriorityFeePerGas().send();
      if (!tip.hasError() && tip.getMaxPriorityFeePerGas() != null) {
        priority = tip.getMaxPriorityFeePerGas();
      }
      BigInteger base = baseFee == null ? BigInteger.ZERO : baseFee;
      return new BigInteger[] {priority, base.multiply(BigInteger.TWO).add(priority)};
    } catch (IOException e) {
      throw unavailable("read the fees", e);
    }
  }

  private long nextNonce(WalletAddress from) {
    // The largest of: what this sender handed out, what the node has seen (other senders too)
    // and what the store recorded (transactions signed but perhaps not broadcast before a crash).
    long cached = nextNonces.getOrDefault(from, 0L);
    try {
      long onChain =
          web3j
              .ethGetTransactionCount(from.value(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount()
              .longValueExact();
      long recorded = store.highestNonce(from).orElse(-1L) + 1;
      return Math.max(cached, Math.max(onChain, recorded));
    } catch (IOException e) {
      throw unavailable("read the nonce of " + from, e);
    }
  }

  private String replayForRevertData(
      String from, String to, String data, BigInteger value, TransactionReceipt receipt) {
    try {
      EthCall call =
          web3j
              .ethCall(
                  Transaction.createFunctionCallTransaction(
                      from, null, null, null, to, value, data),
                  DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE)))
              .send();
      if (call.hasError()) {
        return revertData(call.getError());
      }
      return call.getRevertReason();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The revert data of a JSON-RPC error. Nodes put it in {@code error.data}, as a hex string that
   * web3j may hand over still JSON-quoted; anvil also repeats it in the message.
   */
  static String revertData(Response.Error error) {
    String data = error.getData();
    if (data != null) {
      String hex = data.replace("\"", "").trim();
      if (HEX.matcher(hex).matches()) {
        return hex.startsWith("0x") ? hex : "0x" + hex;
      }
    }
    Matcher inMessage = CUSTOM_ERROR.matcher(String.valueOf(error.getMessage()));
    if (inMessage.find()) {
      return inMessage.group(1) + inMessage.group(2);
    }
    return null;
  }

  private static ChainUnavailableException unavailable(String what, IOException e) {
    return new ChainUnavailableException("cannot " + what + ": the chain node is unreachable", e);
  }
}
