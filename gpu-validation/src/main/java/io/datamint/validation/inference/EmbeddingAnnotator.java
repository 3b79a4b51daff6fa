package io.datamint.validation.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Turns item embeddings into the answers of one more, virtual annotator. A softmax regression is
 * trained on the current consensus (soft posteriors, gold answers as certain) and predicts each
 * item out-of-fold, so that no item's own labels leak into its prediction. Each prediction becomes
 * a response "class c, confidence band b"; the EM then learns this annotator's confusion matrix
 * like any labeler's. That is the point of the design: the EM calibrates the classifier on the data
 * at hand, so a classifier that knows nothing (text unrelated to the label) ends up with flat rows
 * and no say, and a good one earns weight in proportion to how often it agrees with the crowd.
 */
final class EmbeddingAnnotator {

  /** Below this many items with content the classifier would learn noise. */
  static final int MIN_ITEMS = 30;

  private static final double[] LAMBDAS = {0.003, 0.03, 0.3};
  private static final int ITERATIONS = 120;
  private static final int MAX_TRAINING_ITEMS = 4000;
  private static final double Z_ONE_PERCENT = 2.326;

  private EmbeddingAnnotator() {}

  /**
   * Responses of the virtual annotator, or null when there is too little to learn from or the
   * embeddings turn out not to predict the consensus.
   */
  static Responses respond(double[][] features, double[][] posterior, int folds, long seed) {
    int classes = posterior[0].length;
    int[] withContent =
        IntStream.range(0, features.length).filter(i -> features[i] != null).toArray();
    if (classes < 2 || withContent.length < Math.max(MIN_ITEMS, 2 * folds)) {
      return null;
    }
    int[] fold = new int[withContent.length];
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < withContent.length; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int r = 0; r < order.size(); r++) {
      fold[order.get(r)] = r % folds;
    }
    // The penalty is chosen by how well out-of-fold predictions explain the crowd's own consensus:
    // no gold answer is needed, so the choice is as available in production as in a benchmark.
    double[][] best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double lambda : LAMBDAS) {
      double[][] predicted = outOfFold(features, posterior, withContent, fold, folds, lambda, seed);
      double loss = 0;
      for (int r = 0; r < withContent.length; r++) {
        double[] t = posterior[withContent[r]];
        for (int k = 0; k < classes; k++) {
          loss -= t[k] * Math.log(Math.max(predicted[r][k], 1e-12));
        }
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        best = predicted;
      }
    }
    if (!agreesBeyondChance(best, posterior, withContent)) {
      return null;
    }
    return Responses.from(features.length, withContent, best, classes);
  }

  /**
   * Whether the out-of-fold predictions agree with the consensus more than two independent guessers
   * with the same class frequencies would (one-sided z-test at 1%). When the text says nothing
   * about the label (e.g. MiniLM on textual entailment), this keeps the classifier out of the EM
   * instead of letting it fit noise in its confidence bands.
   */
  static boolean agreesBeyondChance(double[][] predicted, double[][] posterior, int[] items) {
    int classes = posterior[0].length;
    int n = items.length;
    double observed = 0;
    double[] predictedShare = new double[classes];
    double[] consensusShare = new double[classes];
    // Hard decisions on both sides: the null variance e(1 - e) / n below is that of 0/1 outcomes.
    for (int r = 0; r < n; r++) {
      int c = argmax(predicted[r]);
      int consensus = argmax(posterior[items[r]]);
      observed += c == consensus ? 1.0 / n : 0;
      predictedShare[c] += 1.0 / n;
      consensusShare[consensus] += 1.0 / n;
    }
    double expected = 0;
    for (int k = 0; k < classes; k++) {
      expected += predictedShare[k] * consensusShare[k];
    }
    double standardError = Math.sqrt(Math.max(expected * (1 - expected), 1e-12) / n);
    return (observed - expected) / standardError > Z_ONE_PERCENT;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  private static double[][] outOfFold(
      double[][] features,
      double[][] posterior,
      int[] withContent,
      int[] fold,
      int folds,
      double lambda,
      long seed) {
    double[][] predicted = new double[withContent.length][];
    IntStream.range(0, folds)
        .parallel()
        .forEach(
            f -> {
              List<Integer> train = new ArrayList<>();
              for (int r = 0; r < withContent.length; r++) {
                if (fold[r] != f) {
                  train.add(r);
                }
              }
              if (train.size() > MAX_TRAINING_ITEMS) {
                java.util.Collections.shuffle(train, new Random(seed + f));
                train = train.subList(0, MAX_TRAINING_ITEMS);
              }
              double[][] x = new double[train.size()][];
              double[][] y = new double[train.size()][];
              for (int t = 0; t < train.size(); t++) {
                int item = withContent[train.get(t)];
                x[t] = features[item];
                y[t] = posterior[item];
              }
              SoftmaxRegression model = SoftmaxRegression.fit(x, y, lambda, ITERATIONS);
              for (int r = 0; r < withContent.length; r++) {
                if (fold[r] == f) {
                  predicted[r] = model.predict(features[withContent[r]]);
                }
              }
            });
    return predicted;
  }

  /** The virtual annotator's answer per item (-1: no content) out of {@code responseCount}. */
  record Responses(int[] byItem, int responseCount) {

    static Responses from(int items, int[] withContent, double[][] predicted, int classes) {
      // Confidence bands by quantile, so that every band holds data; fewer bands for small sets,
      // since each band adds a column of parameters to the confusion matrix.
      int bands = Math.max(1, Math.min(3, withContent.length / (50 * classes)));
      double[] confidence = new double[withContent.length];
      for (int r = 0; r < withContent.length; r++) {
        confidence[r] = Arrays.stream(predicted[r]).max().orElse(0);
      }
      double[] sorted = confidence.clone();
      Arrays.sort(sorted);
      double[] cuts = new double[bands - 1];
      for (int b = 1; b < bands; b++) {
        cuts[b - 1] = sorted[(int) ((long) sorted.length * b / bands)];
      }
      int[] byItem = new int[items];
      Arrays.fill(byItem, -1);
      for (int r = 0; r < withContent.length; r++) {
        int c = 0;
        for (int k = 1; k < classes; k++) {
          if (predicted[r][k] > predicted[r][c]) {
            c = k;
          }
        }
        int band = 0;
        while (band < cuts.length && confidence[r] >= cuts[band]) {
          band++;
        }
        byItem[withContent[r]] = c * bands + band;
      }
      return new Responses(byItem, classes * bands);
    }
  }
}
