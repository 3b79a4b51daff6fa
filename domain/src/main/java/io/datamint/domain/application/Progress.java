package io.datamint.domain.application;

import java.util.function.IntConsumer;

/**
 * Turns a running count of bytes into whole percentages, told only when they advance by a step:
 * each report is a database write, and a file of millions of items must not cause millions.
 */
final class Progress {

  private final long total;
  private final int step;
  private final IntConsumer report;
  private int reported;

  Progress(long total, int step, IntConsumer report) {
    if (step < 1 || step > 100) {
      throw new IllegalArgumentException("step must be 1 to 100");
    }
    this.total = total;
    this.step = step;
    this.report = report;
  }

  /** Tells the consumer when {@code done} of {@code total} reaches the next step. */
  void advanceTo(long done) {
    if (total <= 0 || done <= 0) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent >= reported + step) {
      reported = percent - percent % step;
      report.accept(reported);
    }
  }
}
