package io.datamint.validation.inference;

/**
 * What the EM concluded about one crowd: the posterior over classes of every item, and the
 * reliability of every labeler. Label quality is read off the posterior: the probability that a
 * label is right is the posterior probability of its class.
 */
public final class InferenceResult {

  private final Crowd crowd;
  private final double[][] posterior;
  private final double[] reliability;
  private final int iterations;
  private final boolean usedEmbeddingPrior;

  InferenceResult(
      Crowd crowd,
      double[][] posterior,
      double[] reliability,
      int iterations,
      boolean usedEmbeddingPrior) {
    this.crowd = crowd;
    this.posterior = posterior;
    this.reliability = reliability;
    this.iterations = iterations;
    this.usedEmbeddingPrior = usedEmbeddingPrior;
  }

  public Crowd crowd() {
    return crowd;
  }

  /** Posterior probability that the item's true class is {@code classIndex}. */
  public double posterior(int item, int classIndex) {
    return posterior[item][classIndex];
  }

  /** The most probable class of the item (the lowest index wins an exact tie). */
  public int consensus(int item) {
    double[] p = posterior[item];
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Posterior probability that the consensus class is right. */
  public double confidence(int item) {
    return posterior[item][consensus(item)];
  }

  /** Probability that annotation {@code a} names the item's true class. */
  public double quality(int annotation) {
    return clamp(posterior[crowd.item(annotation)][crowd.label(annotation)]);
  }

  /** Expected share of this labeler's labels that are right, in [0, 1]. */
  public double reliability(int labeler) {
    return clamp(reliability[labeler]);
  }

  public int iterations() {
    return iterations;
  }

  /** Whether the item embeddings took part (enough items had content to train on). */
  public boolean usedEmbeddingPrior() {
    return usedEmbeddingPrior;
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }
}
