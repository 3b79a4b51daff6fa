package io.datamint.validation.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * Infers each item's true class and each labeler's confusion matrix from the labels alone (Dawid
 * &amp; Skene, 1979), with three additions that matter on real crowds:
 *
 * <ol>
 *   <li><b>Shrinkage toward the crowd.</b> Each labeler's confusion-matrix row has a Dirichlet
 *       prior describing the crowd's labelers; its centre and strength are fitted by empirical
 *       Bayes (maximum Dirichlet-multinomial marginal likelihood, {@link DirichletMultinomialFit})
 *       at every M-step, each labeler counting as one draw, however many labels it wrote. A labeler
 *       with three labels is therefore treated as an average labeler until proven otherwise,
 *       instead of as perfect or perfectly wrong, while one with hundreds of labels is judged on
 *       its own record. The data decide how much labelers differ; nothing is tuned.
 *   <li><b>Gold anchoring.</b> Items with a known answer keep it as their posterior (clamped), so
 *       they pin each labeler's matrix and, through it, the rest of the crowd.
 *   <li><b>Embeddings as an annotator.</b> When items carry embeddings, an out-of-fold classifier
 *       trained on the first consensus joins the EM as a virtual annotator whose confusion matrix
 *       is learned like anyone's (see {@link EmbeddingAnnotator}): items close in embedding space
 *       lean toward the same class, with exactly the weight the data support.
 * </ol>
 *
 * <p>Initialised from majority vote, which keeps EM on the side of the solution where most labelers
 * are better than chance. Thread-safe: holds only its options.
 */
public final class TruthInference {

  /** How the confusion matrices are regularised. */
  public enum ConfusionPrior {
    /** Dirichlet prior centred on the pooled matrix, strength fitted by empirical Bayes. */
    EMPIRICAL_BAYES,
    /** Classic Dawid–Skene: a tiny uniform pseudo-count only to avoid log(0). */
    NONE
  }

  /** Settings; {@link #defaults()} is what production uses. */
  public record Options(
      int maxIterations,
      double tolerance,
      ConfusionPrior confusionPrior,
      boolean variational,
      boolean useEmbeddings,
      int folds,
      long seed) {

    public Options {
      if (maxIterations < 1 || folds < 2 || !(tolerance > 0)) {
        throw new IllegalArgumentException("invalid inference options");
      }
      Objects.requireNonNull(confusionPrior, "confusion prior must not be null");
    }

    public static Options defaults() {
      return new Options(300, 1e-6, ConfusionPrior.EMPIRICAL_BAYES, true, true, 5, 17L);
    }

    /** Dawid–Skene as published: the baseline of the benchmark. */
    public static Options plainDawidSkene() {
      return new Options(300, 1e-6, ConfusionPrior.NONE, false, false, 5, 17L);
    }

    public Options withEmbeddings(boolean use) {
      return new Options(maxIterations, tolerance, confusionPrior, variational, use, folds, seed);
    }

    public Options withVariational(boolean use) {
      return new Options(maxIterations, tolerance, confusionPrior, use, useEmbeddings, folds, seed);
    }
  }

  private static final double PLAIN_PSEUDO_COUNT = 0.01;
  private static final double MIN_STRENGTH = 0.05;
  private static final double MAX_STRENGTH = 1e4;

  private final Options options;

  public TruthInference(Options options) {
    this.options = Objects.requireNonNull(options, "options must not be null");
  }

  public TruthInference() {
    this(Options.defaults());
  }

  public InferenceResult infer(Crowd crowd) {
    return infer(crowd, null);
  }

  /**
   * Runs the inference.
   *
   * @param features one embedding-derived feature vector per item (same length for all), null
   *     entries for items without content; or null altogether for agreement only
   */
  public InferenceResult infer(Crowd crowd, double[][] features) {
    Objects.requireNonNull(crowd, "crowd must not be null");
    if (features != null && features.length != crowd.itemCount()) {
      throw new IllegalArgumentException("one feature row per item expected");
    }
    Em em = new Em(crowd, null);
    em.initialiseFromVotes();
    int iterations = em.run();
    boolean usedEmbeddings = false;
    if (options.useEmbeddings() && features != null) {
      EmbeddingAnnotator.Responses virtual =
          EmbeddingAnnotator.respond(features, em.posterior, options.folds(), options.seed());
      if (virtual != null) {
        Em second = new Em(crowd, virtual);
        second.posterior = em.posterior;
        iterations += second.run();
        em = second;
        usedEmbeddings = true;
      }
    }
    return new InferenceResult(crowd, em.posterior, em.reliability(), iterations, usedEmbeddings);
  }

  /** One EM run: posteriors, class prior and confusion matrices of the labelers. */
  private final class Em {
    private final Crowd crowd;
    private final int classes;
    private final EmbeddingAnnotator.Responses virtual;
    private double[][] posterior;
    private final double[] classPrior;
    private final double[] logClassPrior;
    private final double[][][] confusion; // labeler, true class, given class: posterior mean
    private final double[][][] logConfusion; // what the E-step weighs each label with
    private double[][] virtualConfusion; // true class, response: log weights
    private double[][] crowdOnly; // posteriors without the virtual annotator's own say
    private final boolean[] corroborated;

    Em(Crowd crowd, EmbeddingAnnotator.Responses virtual) {
      this.crowd = crowd;
      this.classes = crowd.classCount();
      this.virtual = virtual;
      this.classPrior = new double[classes];
      this.logClassPrior = new double[classes];
      this.confusion = new double[crowd.labelerCount()][classes][classes];
      this.logConfusion = new double[crowd.labelerCount()][classes][classes];
      // A label is evidence about its labeler only when something else speaks about the same
      // item: another label, a gold answer or the embedding annotator. A lone label would only
      // confirm itself (EM would see the labeler agree with the posterior it made), which makes
      // everyone on sparse data look as good as their starting point.
      // Plain Dawid–Skene, as published, counts every label.
      boolean published = options.confusionPrior() == ConfusionPrior.NONE;
      this.corroborated = new boolean[crowd.itemCount()];
      for (int i = 0; i < corroborated.length; i++) {
        corroborated[i] =
            published
                || crowd.annotationsOf(i).length > 1
                || crowd.gold(i) >= 0
                || (virtual != null && virtual.byItem()[i] >= 0);
      }
    }

    void initialiseFromVotes() {
      posterior = MajorityVote.voteShares(crowd);
      clampGold(posterior);
    }

    int run() {
      int iteration = 0;
      while (iteration < options.maxIterations()) {
        iteration++;
        maximise();
        double[][] next = expect();
        double change = 0;
        for (int i = 0; i < next.length; i++) {
          for (int k = 0; k < classes; k++) {
            change = Math.max(change, Math.abs(next[i][k] - posterior[i][k]));
          }
        }
        posterior = next;
        if (change < options.tolerance()) {
          break;
        }
      }
      maximise(); // parameters consistent with the final posteriors, for the reliabilities
      return iteration;
    }

    private void maximise() {
      int items = crowd.itemCount();
      // The class frequencies too are learnt from corroborated items only: a lone label's
      // posterior leans on the class prior, and feeding it back would let the commonest class
      // swallow every lone label on a crowd of weak labelers.
      int counted = 0;
      for (int i = 0; i < items; i++) {
        counted += corroborated[i] ? 1 : 0;
      }
      boolean all = counted == 0;
      if (all) {
        counted = items;
      }
      for (int k = 0; k < classes; k++) {
        double mass = 0;
        for (int i = 0; i < items; i++) {
          if (all || corroborated[i]) {
            mass += posterior[i][k];
          }
        }
        classPrior[k] = (mass + 1) / (counted + classes);
        logClassPrior[k] =
            options.variational()
                ? Gamma.digamma(mass + 1) - Gamma.digamma(counted + classes)
                : Math.log(classPrior[k]);
      }
      for (double[][] matrix : confusion) {
        for (double[] row : matrix) {
          Arrays.fill(row, 0);
        }
      }
      for (int a = 0; a < crowd.annotationCount(); a++) {
        if (!corroborated[crowd.item(a)]) {
          continue;
        }
        double[] t = posterior[crowd.item(a)];
        double[][] matrix = confusion[crowd.labeler(a)];
        int given = crowd.label(a);
        for (int k = 0; k < classes; k++) {
          matrix[k][given] += t[k];
        }
      }
      if (options.confusionPrior() == ConfusionPrior.EMPIRICAL_BAYES) {
        shrinkTowardCrowd();
      } else {
        double[] uniform = new double[classes];
        Arrays.fill(uniform, 1.0 / classes);
        for (int k = 0; k < classes; k++) {
          applyPrior(k, uniform, PLAIN_PSEUDO_COUNT * classes);
        }
      }
      if (virtual != null) {
        virtualConfusion = new double[classes][virtual.responseCount()];
        // Judged against what the crowd says without it: counted against posteriors it has
        // shaped itself, the classifier would confirm its own answers wherever the labels are
        // few or split, and gain weight its out-of-fold agreement with the crowd does not justify.
        double[][] reference = crowdOnly != null ? crowdOnly : posterior;
        for (int i = 0; i < items; i++) {
          int r = virtual.byItem()[i];
          if (r >= 0) {
            for (int k = 0; k < classes; k++) {
              virtualConfusion[k][r] += reference[i][k];
            }
          }
        }
        // A flat Dirichlet(1) prior: the classifier is a different kind of annotator from the
        // crowd, so the crowd's matrix is no sensible centre for it.
        for (double[] row : virtualConfusion) {
          double total = 0;
          for (double c : row) {
            total += c;
          }
          for (int r = 0; r < row.length; r++) {
            row[r] =
                options.variational()
                    ? Gamma.digamma(row[r] + 1) - Gamma.digamma(total + row.length)
                    : Math.log((row[r] + 1) / (total + row.length));
          }
        }
      }
    }

    /**
     * Turns the soft counts into matrices shrunk toward the fitted crowd prior (empirical Bayes).
     */
    private void shrinkTowardCrowd() {
      for (int k = 0; k < classes; k++) {
        double[] pooled = new double[classes];
        for (double[][] matrix : confusion) {
          for (int l = 0; l < classes; l++) {
            pooled[l] += matrix[k][l];
          }
        }
        // Laplace smoothing with a double share on the diagonal: until the data say otherwise a
        // labeler is assumed better than chance, which also decides when there are no data.
        double[] smoothing = new double[classes];
        Arrays.fill(smoothing, 1);
        smoothing[k] = 2;
        for (int l = 0; l < classes; l++) {
          pooled[l] += smoothing[l];
        }
        normalise(pooled, 0);
        double[][] rows = rowsWithCounts(k);
        double strength = fitStrength(rows, pooled);
        double[] alpha = new double[classes];
        for (int l = 0; l < classes; l++) {
          alpha[l] = strength * pooled[l];
        }
        if (rows.length >= 2) {
          // Pooled counts weigh labels, so the most prolific labelers would define the average
          // labeler; the fit weighs labelers. Started from the pooled centre at its best strength,
          // with the same smoothing as pseudo-counts on the centre (a Dirichlet hyperprior).
          alpha = DirichletMultinomialFit.fit(rows, smoothing, alpha, MAX_STRENGTH);
        }
        strength = sum(alpha);
        double[] centre = new double[classes];
        for (int l = 0; l < classes; l++) {
          centre[l] = alpha[l] / strength;
        }
        applyPrior(k, centre, strength);
      }
    }

    /** Row k of every labeler who has counts there. */
    private double[][] rowsWithCounts(int k) {
      return Arrays.stream(confusion)
          .map(matrix -> matrix[k])
          .filter(row -> sum(row) > 1e-9)
          .toArray(double[][]::new);
    }

    /**
     * Row k of every labeler from its soft counts and the Dirichlet prior {@code strength *
     * centre}: the posterior mean, and the weight the E-step gives a label. Point estimates weigh
     * with log of the mean; variational Bayes with the expected log, {@code ψ(count + prior) -
     * ψ(total + strength)}, which is lower the fewer labels back it, so a labeler's handful of
     * agreements cannot outvote a well-known one.
     */
    private void applyPrior(int k, double[] centre, double strength) {
      for (int j = 0; j < confusion.length; j++) {
        double[] row = confusion[j][k];
        double[] logRow = logConfusion[j][k];
        double total = 0;
        for (int l = 0; l < classes; l++) {
          total += row[l];
        }
        double logDenominator =
            options.variational() ? Gamma.digamma(total + strength) : Math.log(total + strength);
        for (int l = 0; l < classes; l++) {
          double alpha = strength * centre[l];
          logRow[l] =
              options.variational()
                  ? Gamma.digamma(row[l] + alpha) - logDenominator
                  : Math.log(row[l] + alpha) - logDenominator;
          row[l] = (row[l] + alpha) / (total + strength);
        }
      }
    }

    /**
     * The prior strength that maximises the Dirichlet-multinomial marginal likelihood of the rows
     * for a fixed centre: a golden-section search on its logarithm over the whole allowed range,
     * which is where the joint fit of centre and strength starts.
     */
    private double fitStrength(double[][] rows, double[] centre) {
      double lo = Math.log(MIN_STRENGTH);
      double hi = Math.log(MAX_STRENGTH);
      double ratio = (Math.sqrt(5) - 1) / 2;
      double a = hi - ratio * (hi - lo);
      double b = lo + ratio * (hi - lo);
      double fa = marginalLikelihood(rows, centre, Math.exp(a));
      double fb = marginalLikelihood(rows, centre, Math.exp(b));
      while (hi - lo > 0.02) {
        if (fa < fb) {
          lo = a;
          a = b;
          fa = fb;
          b = lo + ratio * (hi - lo);
          fb = marginalLikelihood(rows, centre, Math.exp(b));
        } else {
          hi = b;
          b = a;
          fb = fa;
          a = hi - ratio * (hi - lo);
          fa = marginalLikelihood(rows, centre, Math.exp(a));
        }
      }
      return Math.exp((lo + hi) / 2);
    }

    private double marginalLikelihood(double[][] rows, double[] centre, double strength) {
      double[] alpha = new double[classes];
      for (int l = 0; l < classes; l++) {
        alpha[l] = strength * centre[l];
      }
      return DirichletMultinomialFit.logLikelihood(rows, alpha);
    }

    private double[][] expect() {
      int items = crowd.itemCount();
      double[][] next = new double[items][classes];
      double[][] crowdView = virtual != null ? new double[items][] : null;
      double[] logPrior = logClassPrior;
      for (int i = 0; i < items; i++) {
        double[] log = next[i];
        System.arraycopy(logPrior, 0, log, 0, classes);
        for (int a : crowd.annotationsOf(i)) {
          double[][] matrix = logConfusion[crowd.labeler(a)];
          int given = crowd.label(a);
          for (int k = 0; k < classes; k++) {
            log[k] += matrix[k][given];
          }
        }
        if (virtual != null && virtual.byItem()[i] >= 0) {
          crowdView[i] = log.clone();
          softmaxInPlace(crowdView[i]);
          int r = virtual.byItem()[i];
          for (int k = 0; k < classes; k++) {
            log[k] += virtualConfusion[k][r];
          }
        }
        softmaxInPlace(log);
      }
      clampGold(next);
      if (crowdView != null) {
        for (int i = 0; i < items; i++) {
          if (crowdView[i] == null) {
            crowdView[i] = next[i];
          }
        }
        clampGold(crowdView);
        crowdOnly = crowdView;
      }
      return next;
    }

    private void clampGold(double[][] t) {
      for (int i = 0; i < t.length; i++) {
        int g = crowd.gold(i);
        if (g >= 0) {
          Arrays.fill(t[i], 0);
          t[i][g] = 1;
        }
      }
    }

    /** Expected share of right labels: the diagonal weighted by how common each class is. */
    double[] reliability() {
      double[] result = new double[crowd.labelerCount()];
      for (int j = 0; j < result.length; j++) {
        double r = 0;
        for (int k = 0; k < classes; k++) {
          r += classPrior[k] * confusion[j][k][k];
        }
        result[j] = r;
      }
      return result;
    }
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private static void normalise(double[] row, double pseudoCount) {
    double total = 0;
    for (double v : row) {
      total += v;
    }
    double denominator = total + pseudoCount * row.length;
    for (int l = 0; l < row.length; l++) {
      row[l] = (row[l] + pseudoCount) / denominator;
    }
  }

  private static void softmaxInPlace(double[] log) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : log) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < log.length; k++) {
      log[k] = Math.exp(log[k] - max);
      sum += log[k];
    }
    for (int k = 0; k < log.length; k++) {
      log[k] /= sum;
    }
  }
}
