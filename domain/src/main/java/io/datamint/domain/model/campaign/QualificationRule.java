package io.datamint.domain.model.campaign;

/**
 * The qualification round of a campaign: before any paid task a labeler answers {@code items} gold
 * items (Q), and passes when the share of right answers reaches {@code bar} — the campaign's
 * quality threshold, so that "good enough to be paid" means the same on gold as in validation (a
 * label is accepted when the probability that it is right reaches the threshold; a labeler
 * qualifies when the share of their gold answers that are right reaches it). With Q = 5 and a
 * threshold of 0.7 that is 4 right answers of 5.
 *
 * <p>The decision falls when the Q-th answer is in, not earlier: a labeler who cannot pass any more
 * simply fails then. Q = 0 means no qualification round.
 *
 * @param items Q, 0 or more
 * @param bar the share of right answers needed, 0 to 1
 */
public record QualificationRule(int items, double bar) {

  /** Guards the comparison against rounding: 0.7 × 10 must ask for 7 right answers, not 8. */
  private static final double EPSILON = 1e-9;

  public QualificationRule {
    if (items < 0) {
      throw new IllegalArgumentException("the qualification round has 0 or more items");
    }
    if (!(bar >= 0 && bar <= 1)) {
      throw new IllegalArgumentException("the qualification bar is a share from 0 to 1");
    }
  }

  /** Where a labeler's qualification stands. */
  public enum Outcome {
    /** Fewer than Q answers so far: only gold items are handed out. */
    IN_PROGRESS,
    PASSED,
    FAILED
  }

  /** Whether there is a qualification round at all. */
  public boolean applies() {
    return items > 0;
  }

  /** The least number of right answers that passes: ⌈bar × Q⌉. */
  public int needed() {
    return (int) Math.ceil(bar * items - EPSILON);
  }

  /**
   * @param answered gold answers given during the qualification round
   * @param correct how many of them were right
   */
  public Outcome judge(int answered, int correct) {
    if (answered < 0 || correct < 0 || correct > answered) {
      throw new IllegalArgumentException(
          "a qualification with " + correct + " right of " + answered + " answers");
    }
    if (answered < items) {
      return Outcome.IN_PROGRESS;
    }
    return correct >= needed() ? Outcome.PASSED : Outcome.FAILED;
  }
}
