package io.datamint.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.chain.ChainClient;
import io.datamint.chain.ChainFixture;
import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.chain.sales.Web3jDatasetSales;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * Crashes between recording and sending, and between sending and recording the outcome, simulated
 * by a store that fails at that moment; the "restarted" application is a new client on the same
 * chain and the same store. Money moved is counted on chain.
 */
class TransactionSenderIT {

  static ChainFixture fixture;
  static final WalletKey FUNDER = ChainFixture.key(1);

  @BeforeAll
  static void startChain() throws Exception {
    fixture = ChainFixture.start();
  }

  @AfterAll
  static void stopChain() {
    fixture.close();
  }

  static EscrowCampaignId openCampaign(Web3jRewardEscrow escrow) throws Exception {
    EscrowCampaignId campaign = EscrowCampaignId.of(UUID.randomUUID());
    long now =
        fixture
            .chain
            .web3j()
            .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getTimestamp()
            .longValueExact();
    escrow.openCampaign(
        ChainOperationKey.of("open", campaign),
        FUNDER,
        campaign,
        TokenAmount.ofTokens("1"),
        Instant.ofEpochSecond(now + 86_400));
    return campaign;
  }

  @Test
  void aCrashAfterRecordingButBeforeSendingIsFinishedByTheRetryAndPaysOnce() throws Exception {
    Web3jRewardEscrow escrow = new Web3jRewardEscrow(fixture.chain, fixture.contracts);
    EscrowCampaignId campaign = openCampaign(escrow);
    ChainOperationKey deposit = ChainOperationKey.of("deposit", UUID.randomUUID());
    Web3jDatasetSales tokens = new Web3jDatasetSales(fixture.chain, fixture.contracts);
    TokenAmount before = tokens.balanceOf(FUNDER.address());

    CrashingStore crashing = new CrashingStore(fixture.store, Crash.AFTER_RECORD);
    try (ChainClient doomed =
        ChainClient.connect(
            fixture.anvil.rpcUrl(),
            fixture.chain.platform(),
            crashing,
            Duration.ofMillis(20),
            Duration.ofSeconds(30))) {
      Web3jRewardEscrow crashingEscrow = new Web3jRewardEscrow(doomed, fixture.contracts);
      crashing.armFor(deposit);
      assertThatThrownBy(
              () -> crashingEscrow.deposit(deposit, FUNDER, campaign, TokenAmount.ofTokens("5")))
          .hasMessageContaining("simulated crash");
    }
    PendingTransaction recorded = fixture.store.find(deposit).orElseThrow();
    assertThat(
            fixture
                .chain
                .web3j()
                .ethGetTransactionByHash(recorded.hash().value())
                .send()
                .getTransaction())
        .as("the crash came before the broadcast")
        .isEmpty();

    try (ChainClient restarted = fixture.restartedClient()) {
      new Web3jRewardEscrow(restarted, fixture.contracts)
          .deposit(deposit, FUNDER, campaign, TokenAmount.ofTokens("5"));
      new Web3jRewardEscrow(restarted, fixture.contracts)
          .deposit(deposit, FUNDER, campaign, TokenAmount.ofTokens("5"));
    }

    assertThat(escrow.balance(campaign).deposited()).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(before.minus(tokens.balanceOf(FUNDER.address())))
        .isEqualTo(TokenAmount.ofTokens("5"));
    assertThat(fixture.store.find(deposit).orElseThrow().hash()).isEqualTo(recorded.hash());
  }

  @Test
  void aCrashAfterSendingButBeforeRecordingTheOutcomeDoesNotSendAgain() throws Exception {
    Web3jRewardEscrow escrow = new Web3jRewardEscrow(fixture.chain, fixture.contracts);
    EscrowCampaignId campaign = openCampaign(escrow);
    ChainOperationKey deposit = ChainOperationKey.of("deposit", UUID.randomUUID());

    CrashingStore crashing = new CrashingStore(fixture.store, Crash.ON_OUTCOME);
    try (ChainClient doomed =
        ChainClient.connect(
            fixture.anvil.rpcUrl(),
            fixture.chain.platform(),
            crashing,
            Duration.ofMillis(20),
            Duration.ofSeconds(30))) {
      crashing.armFor(deposit);
      assertThatThrownBy(
              () ->
                  new Web3jRewardEscrow(doomed, fixture.contracts)
                      .deposit(deposit, FUNDER, campaign, TokenAmount.ofTokens("2")))
          .hasMessageContaining("simulated crash");
    }
    assertThat(escrow.balance(campaign).deposited())
        .as("the deposit was mined before the crash")
        .isEqualTo(TokenAmount.ofTokens("3"));

    try (ChainClient restarted = fixture.restartedClient()) {
      new Web3jRewardEscrow(restarted, fixture.contracts)
          .deposit(deposit, FUNDER, campaign, TokenAmount.ofTokens("2"));
    }

    assertThat(escrow.balance(campaign).deposited()).isEqualTo(TokenAmount.ofTokens("3"));
    assertThat(fixture.store.find(deposit).orElseThrow().status())
        .isEqualTo(PendingTransaction.Status.CONFIRMED);
  }

  @Test
  void anAccountWithoutGasMoneyGetsAClearMessageAndItsNonceStaysFree() {
    Credentials broke = Credentials.create("0x" + "11".repeat(32));
    ChainOperationKey key = ChainOperationKey.of("broke", UUID.randomUUID());

    assertThatThrownBy(
            () ->
                fixture
                    .chain
                    .sender()
                    .send(
                        key,
                        broke,
                        "0x000000000000000000000000000000000000dead",
                        "0x",
                        BigInteger.ONE))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("not enough ETH")
        .extracting(e -> ((ChainRejectedException) e).reason())
        .isEqualTo("InsufficientFunds");
    PendingTransaction recorded = fixture.store.find(key).orElseThrow();
    assertThat(recorded.status()).isEqualTo(PendingTransaction.Status.REJECTED);
    assertThat(fixture.store.highestNonce(WalletAddress.of(broke.getAddress()))).isEmpty();
  }

  enum Crash {
    AFTER_RECORD,
    ON_OUTCOME
  }

  /** Delegates to the real store, and "crashes" once at the chosen moment for one key. */
  static final class CrashingStore implements PendingTransactionStore {
    private final PendingTransactionStore delegate;
    private final Crash crash;
    private ChainOperationKey armed;

    CrashingStore(PendingTransactionStore delegate, Crash crash) {
      this.delegate = delegate;
      this.crash = crash;
    }

    void armFor(ChainOperationKey key) {
      this.armed = key;
    }

    @Override
    public Optional<PendingTransaction> find(ChainOperationKey key) {
      return delegate.find(key);
    }

    @Override
    public void record(PendingTransaction transaction) {
      delegate.record(transaction);
      if (crash == Crash.AFTER_RECORD && transaction.key().equals(armed)) {
        armed = null;
        throw new IllegalStateException("simulated crash after recording " + transaction.hash());
      }
    }

    @Override
    public void update(PendingTransaction transaction) {
      if (crash == Crash.ON_OUTCOME && transaction.key().equals(armed)) {
        armed = null;
        throw new IllegalStateException("simulated crash before recording the outcome");
      }
      delegate.update(transaction);
    }

    @Override
    public OptionalLong highestNonce(WalletAddress from) {
      return delegate.highestNonce(from);
    }

    @Override
    public List<PendingTransaction> unfinished() {
      return delegate.unfinished();
    }
  }
}
