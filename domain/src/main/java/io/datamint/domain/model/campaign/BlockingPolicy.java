package io.datamint.domain.model.campaign;

import java.util.Locale;
import java.util.Optional;

/**
 * When a labeler is "far below the bar" and is blocked from a campaign, judged on the reliability
 * validation estimates for them campaign-wide (the expected share of their labels that are right).
 * Three conditions, all needed:
 *
 * <ol>
 *   <li>at least {@code minLabels} labels behind the estimate — fewer say too little about a person
 *       to shut them out;
 *   <li>the reliability lies at least {@code margin} below the campaign's quality threshold — a
 *       labeler just under the bar loses the rejected labels' rewards, not the campaign;
 *   <li>even the optimistic end of the estimate stays under the threshold: the one-sided upper
 *       Wilson bound at {@code z} (taking the label count as the number of trials) is below it, so
 *       that a short unlucky run does not block anybody.
 * </ol>
 *
 * The {@link #STANDARD} values are chosen from what they mean, not fitted to any data set: 10
 * labels, 0.15 below the threshold (more than one label in seven further off than a labeler who
 * just passes), z = 1.645 (95 % one-sided). A labeler answering at random on two classes with a
 * threshold of 0.7 (reliability 0.5) is blocked once the bound falls under 0.7, after 15 labels;
 * one who is always wrong after 10.
 */
public record BlockingPolicy(int minLabels, double margin, double z) {

  public static final BlockingPolicy STANDARD = new BlockingPolicy(10, 0.15, 1.645);

  public BlockingPolicy {
    if (minLabels < 1) {
      throw new IllegalArgumentException("blocking needs at least one label behind it");
    }
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("the margin is a share from 0 to 1");
    }
    if (!(z >= 0)) {
      throw new IllegalArgumentException("z must not be negative");
    }
  }

  /**
   * Why the labeler must be blocked, or empty when they may go on.
   *
   * @param reliability the labeler's estimated share of right labels, 0 to 1
   * @param labels how many labels the estimate rests on
   * @param threshold the campaign's quality threshold
   */
  public Optional<String> reasonToBlock(double reliability, int labels, double threshold) {
    if (labels < minLabels || reliability > threshold - margin) {
      return Optional.empty();
    }
    double upper = wilsonUpper(reliability, labels, z);
    if (upper >= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "your labels are right about %.0f%% of the time (estimated from %d labels, at most"
                + " %.0f%%), far below the campaign's bar of %.0f%%",
            reliability * 100,
            labels,
            upper * 100,
            threshold * 100));
  }

  /** The upper end of the Wilson score interval for a share {@code p} observed in {@code n}. */
  static double wilsonUpper(double p, int n, double z) {
    double z2 = z * z;
    double centre = p + z2 / (2.0 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.min(1.0, (centre + spread) / (1 + z2 / n));
  }
}
