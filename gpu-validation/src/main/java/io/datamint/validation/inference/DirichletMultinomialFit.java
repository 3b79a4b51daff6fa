package io.datamint.validation.inference;

/**
 * Maximum-likelihood fit of a Dirichlet prior from many count vectors (the Dirichlet-multinomial,
 * or Pólya, distribution): one count vector per labeler, the prior being what the crowd's labelers
 * look like on average (its centre) and how alike they are (its strength, the sum of the
 * parameters). Counts may be fractional (the EM's expected counts).
 *
 * <p>Why a fit of the centre as well, rather than the crowd's pooled counts: pooled counts weigh
 * every <em>label</em> equally, so a few prolific labelers decide what the "average labeler" looks
 * like. On the RTE crowd 8 of 164 labelers wrote 3,820 of the 8,000 labels at 0.60 accuracy, while
 * the typical labeler (20 labels) is right 85% of the time. The marginal likelihood weighs every
 * <em>labeler</em> as one draw from the prior, in proportion to how much its counts say.
 *
 * <p>Newton's method with Minka's (2000) closed-form inverse of the Hessian (diagonal plus a
 * constant), a backtracking line search, and his monotone fixed point as the fallback whenever a
 * Newton step does not raise the likelihood. The likelihood is not concave in general, so the
 * result is the local maximum uphill from the starting point.
 */
final class DirichletMultinomialFit {

  private static final int MAX_ITERATIONS = 100;
  private static final int FALLBACK_STEPS = 10;
  private static final double TOLERANCE = 1e-7;
  private static final double MIN_ALPHA = 1e-6;
  private static final double EMPTY = 1e-9;

  private DirichletMultinomialFit() {}

  /**
   * The parameters of the Dirichlet that make the count vectors most probable, searched uphill from
   * {@code start}, with their sum kept at most {@code maxStrength}.
   *
   * @param rows one count vector per labeler (rows summing to about zero are ignored)
   * @param centreCounts pseudo-counts of a multinomial observation of the centre itself (a
   *     Dirichlet hyperprior on the centre, {@code Σ h_l log(α_l / strength)}); zeros for none
   * @param start positive starting parameters
   */
  static double[] fit(double[][] rows, double[] centreCounts, double[] start, double maxStrength) {
    int n = start.length;
    double[] alpha = start.clone();
    double current = objective(rows, centreCounts, alpha);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double strength = sum(alpha);
      double[] gradient = new double[n];
      double[] diagonal = new double[n];
      double constant;
      double digammaStrength = Gamma.digamma(strength);
      double trigammaStrength = Gamma.trigamma(strength);
      double[] digammaAlpha = new double[n];
      double[] trigammaAlpha = new double[n];
      double centreTotal = sum(centreCounts);
      for (int l = 0; l < n; l++) {
        digammaAlpha[l] = Gamma.digamma(alpha[l]);
        trigammaAlpha[l] = Gamma.trigamma(alpha[l]);
        // The hyperprior's derivatives: h_l / α_l - H / s, and -h_l / α_l² + H / s².
        gradient[l] = centreCounts[l] / alpha[l] - centreTotal / strength;
        diagonal[l] = -centreCounts[l] / (alpha[l] * alpha[l]);
      }
      constant = centreTotal / (strength * strength);
      for (double[] row : rows) {
        double total = sum(row);
        if (total < EMPTY) {
          continue;
        }
        double shared = digammaStrength - Gamma.digamma(total + strength);
        constant += trigammaStrength - Gamma.trigamma(total + strength);
        for (int l = 0; l < n; l++) {
          gradient[l] += shared + Gamma.digamma(row[l] + alpha[l]) - digammaAlpha[l];
          diagonal[l] += Gamma.trigamma(row[l] + alpha[l]) - trigammaAlpha[l];
        }
      }
      // Hessian = diag(diagonal) + constant * 11ᵀ; its inverse times the gradient in closed form.
      // Newton is used only where the Hessian is negative definite (all diagonal terms negative and
      // 1 + constant * Σ 1/diagonal > 0): elsewhere its step need not go uphill, e.g. along a
      // strength the counts say nothing about.
      double gradientOverDiagonal = 0;
      double inverseDiagonal = 0;
      boolean concave = true;
      for (int l = 0; l < n; l++) {
        gradientOverDiagonal += gradient[l] / diagonal[l];
        inverseDiagonal += 1 / diagonal[l];
        concave &= diagonal[l] < 0;
      }
      concave &= 1 + constant * inverseDiagonal > 0;
      double b = gradientOverDiagonal / (1 / constant + inverseDiagonal);
      double[] step = new double[n];
      for (int l = 0; l < n; l++) {
        step[l] = (gradient[l] - b) / diagonal[l];
        concave &= Double.isFinite(step[l]);
      }
      double[] next =
          concave ? lineSearch(rows, centreCounts, alpha, step, current, maxStrength) : null;
      if (next == null) {
        next = fixedPoint(rows, centreCounts, alpha, FALLBACK_STEPS, maxStrength);
      }
      double change = 0;
      for (int l = 0; l < n; l++) {
        change = Math.max(change, Math.abs(next[l] - alpha[l]) / alpha[l]);
      }
      alpha = next;
      current = objective(rows, centreCounts, alpha);
      if (change < TOLERANCE) {
        break;
      }
    }
    return alpha;
  }

  /** What {@link #fit} maximises: the log marginal likelihood plus the centre's hyperprior. */
  static double objective(double[][] rows, double[] centreCounts, double[] alpha) {
    double result = logLikelihood(rows, alpha);
    double strength = sum(alpha);
    for (int l = 0; l < alpha.length; l++) {
      result += centreCounts[l] * Math.log(alpha[l] / strength);
    }
    return result;
  }

  /** Log marginal likelihood of the count vectors, up to terms that do not depend on alpha. */
  static double logLikelihood(double[][] rows, double[] alpha) {
    double strength = sum(alpha);
    double logGammaStrength = Gamma.logGamma(strength);
    double[] logGammaAlpha = new double[alpha.length];
    for (int l = 0; l < alpha.length; l++) {
      logGammaAlpha[l] = Gamma.logGamma(alpha[l]);
    }
    double result = 0;
    for (double[] row : rows) {
      double total = sum(row);
      if (total < EMPTY) {
        continue;
      }
      result += logGammaStrength - Gamma.logGamma(strength + total);
      for (int l = 0; l < alpha.length; l++) {
        if (row[l] > 1e-12) {
          result += Gamma.logGamma(row[l] + alpha[l]) - logGammaAlpha[l];
        }
      }
    }
    return result;
  }

  /** The Newton step, halved until it stays feasible and raises the objective; null if never. */
  private static double[] lineSearch(
      double[][] rows,
      double[] centreCounts,
      double[] alpha,
      double[] step,
      double current,
      double maxStrength) {
    double t = 1;
    for (int attempt = 0; attempt < 30; attempt++) {
      double[] next = new double[alpha.length];
      boolean feasible = true;
      for (int l = 0; l < alpha.length; l++) {
        next[l] = alpha[l] - t * step[l];
        feasible &= next[l] > MIN_ALPHA;
      }
      // A full step may end where it started (converged); a shortened one must gain, or a flat
      // direction (the strength, when the counts say nothing about it) would pass for convergence.
      if (feasible && sum(next) <= maxStrength) {
        double value = objective(rows, centreCounts, next);
        if (t == 1 ? value >= current - 1e-12 : value > current) {
          return next;
        }
      }
      t /= 2;
    }
    return null;
  }

  /**
   * Minka's fixed point, with the hyperprior's terms: {@code α_l ← (α_l Σ_j [ψ(n_jl + α_l) -
   * ψ(α_l)] + h_l) / (Σ_j [ψ(N_j + s) - ψ(s)] + H / s)}. Slow when the prior is strong, but it
   * needs no curvature.
   */
  private static double[] fixedPoint(
      double[][] rows, double[] centreCounts, double[] start, int steps, double maxStrength) {
    double[] alpha = start.clone();
    for (int s = 0; s < steps; s++) {
      double strength = sum(alpha);
      double digammaStrength = Gamma.digamma(strength);
      double denominator = 0;
      double[] numerator = new double[alpha.length];
      double[] digammaAlpha = new double[alpha.length];
      for (int l = 0; l < alpha.length; l++) {
        digammaAlpha[l] = Gamma.digamma(alpha[l]);
      }
      for (double[] row : rows) {
        double total = sum(row);
        if (total < EMPTY) {
          continue;
        }
        denominator += Gamma.digamma(total + strength) - digammaStrength;
        for (int l = 0; l < alpha.length; l++) {
          numerator[l] += Gamma.digamma(row[l] + alpha[l]) - digammaAlpha[l];
        }
      }
      denominator += sum(centreCounts) / strength;
      if (!(denominator > 0)) {
        break;
      }
      for (int l = 0; l < alpha.length; l++) {
        alpha[l] = Math.max((alpha[l] * numerator[l] + centreCounts[l]) / denominator, MIN_ALPHA);
      }
      double total = sum(alpha);
      if (total > maxStrength) {
        for (int l = 0; l < alpha.length; l++) {
          alpha[l] *= maxStrength / total;
        }
      }
    }
    return alpha;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
