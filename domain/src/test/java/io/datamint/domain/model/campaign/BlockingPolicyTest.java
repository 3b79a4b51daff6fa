package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockingPolicyTest {

  private final BlockingPolicy policy = BlockingPolicy.STANDARD;

  @Test
  void aLabelerWhoIsAlmostAlwaysWrongIsBlockedOnceTenLabelsStandBehindIt() {
    assertThat(policy.reasonToBlock(0.1, 9, 0.7)).as("too few labels").isEmpty();
    assertThat(policy.reasonToBlock(0.1, 10, 0.7))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("right about 10% of the time")
                    .contains("from 10 labels")
                    .contains("bar of 70%"));
  }

  @Test
  void aLabelerJustUnderTheBarIsNotBlocked() {
    assertThat(policy.reasonToBlock(0.6, 1000, 0.7)).as("within the margin").isEmpty();
    assertThat(policy.reasonToBlock(0.56, 1000, 0.7)).as("within the margin").isEmpty();
    assertThat(policy.reasonToBlock(0.54, 1000, 0.7)).as("beyond it").isPresent();
  }

  @Test
  void aGuessingLabelerIsBlockedOnlyWhenEvenTheOptimisticEstimateStaysUnderTheBar() {
    assertThat(policy.reasonToBlock(0.5, 12, 0.7)).as("a short unlucky run").isEmpty();
    assertThat(policy.reasonToBlock(0.5, 20, 0.7)).isPresent();
  }

  @Test
  void theWilsonBoundShrinksWithMoreLabels() {
    double few = BlockingPolicy.wilsonUpper(0.5, 10, 1.645);
    double many = BlockingPolicy.wilsonUpper(0.5, 1000, 1.645);

    assertThat(few).isGreaterThan(many).isLessThan(1.0);
    assertThat(many).isBetween(0.5, 0.53);
  }
}
