package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.ChainRetry;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscrowOperationTest {

  private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  private static final CampaignId CAMPAIGN = CampaignId.random();
  private static final TxHash TX = TxHash.of("0x" + "cd".repeat(32));

  @Test
  void theKeyIsDerivedFromTheCampaignSoARetryFindsTheSameTransaction() {
    assertThat(EscrowOperation.open(CAMPAIGN, NOW).key().value())
        .isEqualTo("campaign:open:" + CAMPAIGN);
    assertThat(EscrowOperation.refund(CAMPAIGN, NOW, NOW).key().value())
        .isEqualTo("campaign:refund:" + CAMPAIGN);
  }

  @Test
  void aSettlementIsKeyedByItsEpochAndAClaimByWalletAndEpoch() {
    WalletAddress wallet = WalletAddress.of("0x1111111111111111111111111111111111111111");

    EscrowOperation settle = EscrowOperation.settle(CAMPAIGN, 3, NOW);
    EscrowOperation claim = EscrowOperation.claim(CAMPAIGN, wallet, 3, NOW);

    assertThat(settle.key().value()).isEqualTo("campaign:settle:" + CAMPAIGN + ":3");
    assertThat(settle.kind().isReward()).isTrue();
    assertThat(settle.epoch()).contains(3);
    assertThat(settle.wallet()).isEmpty();
    assertThat(claim.key().value())
        .isEqualTo("campaign:claim:" + CAMPAIGN + ":" + wallet.value() + ":3");
    assertThat(claim.wallet()).contains(wallet);
    assertThat(EscrowOperation.open(CAMPAIGN, NOW).kind().isReward()).isFalse();
    assertThatThrownBy(() -> EscrowOperation.settle(CAMPAIGN, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOutageBacksOffAndARecordedTransactionIsKept() {
    EscrowOperation op = EscrowOperation.open(CAMPAIGN, NOW);
    op.claim(NOW, Duration.ofMinutes(5));
    assertThat(op.isDue(NOW.plusSeconds(60))).as("held by the attempt").isFalse();

    op.postponed("the chain is unavailable", Optional.of(TX), NOW);

    assertThat(op.status()).isEqualTo(EscrowOperationStatus.SUBMITTED);
    assertThat(op.transaction()).contains(TX);
    assertThat(op.nextAttemptAt()).isEqualTo(NOW.plus(ChainRetry.FIRST_DELAY));
    assertThat(op.message().orElseThrow()).contains("the chain is unavailable");
    assertThat(ChainRetry.delayAfter(10)).isEqualTo(ChainRetry.MAX_DELAY);
  }

  @Test
  void aRefusalIsFinalUntilRetried() {
    EscrowOperation op = EscrowOperation.open(CAMPAIGN, NOW);
    op.claim(NOW, Duration.ofMinutes(5));
    op.failed("InsufficientFunds", "top it up", Optional.empty(), NOW);

    assertThat(op.isDue(NOW.plusSeconds(3600))).isFalse();
    assertThatThrownBy(() -> op.done(TX, NOW)).isInstanceOf(IllegalStateException.class);

    op.retry(NOW);
    assertThat(op.isDue(NOW)).isTrue();
    assertThat(op.attempts()).isZero();
    op.claim(NOW, Duration.ofMinutes(5));
    op.done(TX, NOW);
    assertThat(op.status()).isEqualTo(EscrowOperationStatus.DONE);
    assertThat(op.message()).isEmpty();
  }

  @Test
  void aRefundIsNotDueBeforeItsTime() {
    EscrowOperation op = EscrowOperation.refund(CAMPAIGN, NOW, NOW.plusSeconds(3600));

    assertThat(op.isDue(NOW)).isFalse();
    assertThat(op.isDue(NOW.plusSeconds(3600))).isTrue();
  }
}
