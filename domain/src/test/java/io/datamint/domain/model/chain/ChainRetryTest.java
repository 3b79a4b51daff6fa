package io.datamint.domain.model.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainRetryTest {

  @Test
  void retryDelaysDoubleUpToTheCap() {
    assertThat(ChainRetry.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(ChainRetry.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(ChainRetry.delayAfter(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(ChainRetry.delayAfter(5)).isEqualTo(ChainRetry.MAX_DELAY);
    assertThat(ChainRetry.delayAfter(1_000)).isEqualTo(ChainRetry.MAX_DELAY);
  }
}
