package io.datamint.validation.inference;

/**
 * Multinomial logistic regression with an L2 penalty, trained on soft targets (the EM's posteriors)
 * by full-batch Adam. Small and dependency-free on purpose: the training sets are a few thousand
 * items at most and the model only has to rank items, since its calibration is learned afterwards
 * by the EM (see {@link EmbeddingAnnotator}).
 */
final class SoftmaxRegression {

  private static final double LEARNING_RATE = 0.05;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final int classes;
  private final int dims;
  private final double[] mean;
  private final double[] scale;
  private final double[][] weights;
  private final double[] bias;

  private SoftmaxRegression(int classes, int dims) {
    this.classes = classes;
    this.dims = dims;
    this.mean = new double[dims];
    this.scale = new double[dims];
    this.weights = new double[classes][dims];
    this.bias = new double[classes];
  }

  /**
   * Fits the model.
   *
   * @param x rows of features (all the same length)
   * @param targets a probability vector per row
   * @param lambda L2 penalty on the (standardised) weights, per mean sample loss
   * @param iterations full-batch Adam steps
   */
  static SoftmaxRegression fit(double[][] x, double[][] targets, double lambda, int iterations) {
    int n = x.length;
    int classes = targets[0].length;
    int dims = x[0].length;
    SoftmaxRegression model = new SoftmaxRegression(classes, dims);
    model.standardise(x);
    double[][] z = new double[n][];
    for (int i = 0; i < n; i++) {
      z[i] = model.transform(x[i]);
    }
    double[][] mW = new double[classes][dims];
    double[][] vW = new double[classes][dims];
    double[] mB = new double[classes];
    double[] vB = new double[classes];
    double[][] gradW = new double[classes][dims];
    double[] gradB = new double[classes];
    double[] p = new double[classes];
    for (int step = 1; step <= iterations; step++) {
      for (int k = 0; k < classes; k++) {
        java.util.Arrays.fill(gradW[k], 0);
      }
      java.util.Arrays.fill(gradB, 0);
      for (int i = 0; i < n; i++) {
        model.probabilities(z[i], p);
        for (int k = 0; k < classes; k++) {
          double err = (p[k] - targets[i][k]) / n;
          if (err == 0) {
            continue;
          }
          gradB[k] += err;
          double[] g = gradW[k];
          double[] zi = z[i];
          for (int d = 0; d < dims; d++) {
            g[d] += err * zi[d];
          }
        }
      }
      double c1 = 1 - Math.pow(BETA1, step);
      double c2 = 1 - Math.pow(BETA2, step);
      for (int k = 0; k < classes; k++) {
        double[] w = model.weights[k];
        for (int d = 0; d < dims; d++) {
          double g = gradW[k][d] + lambda * w[d];
          mW[k][d] = BETA1 * mW[k][d] + (1 - BETA1) * g;
          vW[k][d] = BETA2 * vW[k][d] + (1 - BETA2) * g * g;
          w[d] -= LEARNING_RATE * (mW[k][d] / c1) / (Math.sqrt(vW[k][d] / c2) + EPSILON);
        }
        double g = gradB[k];
        mB[k] = BETA1 * mB[k] + (1 - BETA1) * g;
        vB[k] = BETA2 * vB[k] + (1 - BETA2) * g * g;
        model.bias[k] -= LEARNING_RATE * (mB[k] / c1) / (Math.sqrt(vB[k] / c2) + EPSILON);
      }
    }
    return model;
  }

  double[] predict(double[] x) {
    double[] p = new double[classes];
    probabilities(transform(x), p);
    return p;
  }

  private void standardise(double[][] x) {
    int n = x.length;
    for (double[] row : x) {
      for (int d = 0; d < dims; d++) {
        mean[d] += row[d] / n;
      }
    }
    for (double[] row : x) {
      for (int d = 0; d < dims; d++) {
        double diff = row[d] - mean[d];
        scale[d] += diff * diff / n;
      }
    }
    for (int d = 0; d < dims; d++) {
      // A constant feature carries nothing; a unit scale keeps it at zero instead of dividing by 0.
      scale[d] = scale[d] > 1e-12 ? 1.0 / Math.sqrt(scale[d]) : 1.0;
    }
  }

  private double[] transform(double[] x) {
    double[] z = new double[dims];
    for (int d = 0; d < dims; d++) {
      z[d] = (x[d] - mean[d]) * scale[d];
    }
    return z;
  }

  private void probabilities(double[] z, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      double s = bias[k];
      double[] w = weights[k];
      for (int d = 0; d < dims; d++) {
        s += w[d] * z[d];
      }
      out[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      out[k] = Math.exp(out[k] - max);
      sum += out[k];
    }
    for (int k = 0; k < classes; k++) {
      out[k] /= sum;
    }
  }
}
