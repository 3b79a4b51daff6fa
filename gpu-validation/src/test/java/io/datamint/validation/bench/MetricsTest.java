package io.datamint.validation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void perfectSeparationScoresOne() {
    assertThat(
            Metrics.auroc(
                new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}))
        .isEqualTo(1.0);
  }

  @Test
  void reversedSeparationScoresZero() {
    assertThat(
            Metrics.auroc(
                new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}))
        .isEqualTo(0.0);
  }

  @Test
  void tiesCountHalf() {
    assertThat(Metrics.auroc(new double[] {0.5, 0.5}, new boolean[] {true, false}))
        .isCloseTo(0.5, within(1e-12));
    // one positive above both negatives, one tied with a negative: (2 + 1.5) / 4
    assertThat(
            Metrics.auroc(
                new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false}))
        .isCloseTo(0.875, within(1e-12));
  }

  @Test
  void isUndefinedWithoutBothClasses() {
    assertThat(Metrics.auroc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
  }
}
