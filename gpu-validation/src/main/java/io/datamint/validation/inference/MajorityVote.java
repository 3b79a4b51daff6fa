package io.datamint.validation.inference;

/**
 * The baseline every smarter method must beat: each item's class is the one most labelers chose.
 * The posterior is the share of votes; ties share it equally, which is what a random tie-break
 * earns in expectation.
 */
public final class MajorityVote {

  private MajorityVote() {}

  /** Vote shares per item and class; gold items are not treated specially. */
  public static double[][] voteShares(Crowd crowd) {
    int classes = crowd.classCount();
    double[][] shares = new double[crowd.itemCount()][classes];
    for (int i = 0; i < crowd.itemCount(); i++) {
      int[] annotations = crowd.annotationsOf(i);
      for (int a : annotations) {
        shares[i][crowd.label(a)] += 1.0 / annotations.length;
      }
    }
    return shares;
  }

  /**
   * Expected accuracy of majority vote against the given truth (-1 = unknown, skipped), with ties
   * broken uniformly at random.
   */
  public static double expectedAccuracy(Crowd crowd, int[] truth) {
    double[][] shares = voteShares(crowd);
    double correct = 0;
    int counted = 0;
    for (int i = 0; i < shares.length; i++) {
      if (truth[i] < 0) {
        continue;
      }
      double max = 0;
      for (double s : shares[i]) {
        max = Math.max(max, s);
      }
      int winners = 0;
      for (double s : shares[i]) {
        if (Math.abs(s - max) < 1e-12) {
          winners++;
        }
      }
      if (Math.abs(shares[i][truth[i]] - max) < 1e-12) {
        correct += 1.0 / winners;
      }
      counted++;
    }
    return counted == 0 ? Double.NaN : correct / counted;
  }
}
