package io.datamint.validation.inference;

/**
 * The log-gamma function and its first two derivatives, needed by the Dirichlet-multinomial
 * likelihood of the shrinkage fit and the variational expectations of the EM.
 */
final class Gamma {

  // Lanczos approximation, g = 7, n = 9: about 15 significant digits for x > 0.5.
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private Gamma() {}

  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs a positive argument, was " + x);
    }
    if (x < 0.5) {
      // Reflection: the series is accurate only right of 0.5, and pseudo-counts can be tiny.
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The digamma function (derivative of logGamma), for the variational expectations of log π. */
  static double digamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("digamma needs a positive argument, was " + x);
    }
    double result = 0;
    // Recurrence up to x >= 6, then the asymptotic series.
    while (x < 6) {
      result -= 1 / x;
      x += 1;
    }
    double f = 1 / (x * x);
    return result
        + Math.log(x)
        - 0.5 / x
        - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
  }

  /** The trigamma function (derivative of digamma), for Newton steps on Dirichlet parameters. */
  static double trigamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("trigamma needs a positive argument, was " + x);
    }
    double result = 0;
    while (x < 6) {
      result += 1 / (x * x);
      x += 1;
    }
    double f = 1 / (x * x);
    return result + 1 / x + f / 2 + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f / 30)));
  }
}
