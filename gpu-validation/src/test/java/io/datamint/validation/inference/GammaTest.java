package io.datamint.validation.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaTest {

  @Test
  void logGammaMatchesFactorials() {
    assertThat(Gamma.logGamma(1)).isCloseTo(0, within(1e-12));
    assertThat(Gamma.logGamma(10)).isCloseTo(Math.log(362880), within(1e-10));
  }

  @Test
  void logGammaOfSmallArgumentsUsesTheReflection() {
    assertThat(Gamma.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    // Γ(0.01) = 99.4325851...
    assertThat(Gamma.logGamma(0.01)).isCloseTo(Math.log(99.43258511915060), within(1e-9));
  }

  @Test
  void digammaMatchesKnownValues() {
    assertThat(Gamma.digamma(1)).isCloseTo(-0.5772156649015329, within(1e-10));
    assertThat(Gamma.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-10));
    assertThat(Gamma.digamma(100)).isCloseTo(4.600161852738087, within(1e-10));
  }

  @Test
  void rejectsNonPositiveArguments() {
    assertThatThrownBy(() -> Gamma.logGamma(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gamma.digamma(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
