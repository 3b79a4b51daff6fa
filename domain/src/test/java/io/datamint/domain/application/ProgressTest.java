package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final List<Integer> reports = new ArrayList<>();

  @Test
  void reportsOnlyWhenTheNextStepIsReached() {
    Progress progress = new Progress(1000, 10, reports::add);
    for (long done = 1; done <= 1000; done++) {
      progress.advanceTo(done);
    }
    assertThat(reports).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
  }

  @Test
  void aJumpReportsTheStepReachedOnce() {
    Progress progress = new Progress(100, 5, reports::add);
    progress.advanceTo(37);
    progress.advanceTo(38);
    progress.advanceTo(40);
    assertThat(reports).containsExactly(35, 40);
  }

  @Test
  void neverReportsMoreThanAHundredPercent() {
    Progress progress = new Progress(100, 5, reports::add);
    progress.advanceTo(250);
    progress.advanceTo(300);
    assertThat(reports).containsExactly(100);
  }

  @Test
  void anUnknownTotalReportsNothing() {
    Progress progress = new Progress(0, 5, reports::add);
    progress.advanceTo(10);
    assertThat(reports).isEmpty();
  }
}
