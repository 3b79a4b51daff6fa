package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.ValidationJobId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundPlanTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final CampaignId CAMPAIGN = CampaignId.random();
  private static final ItemId A = new ItemId("0123456789abcdef-000000");
  private static final ItemId B = new ItemId("0123456789abcdef-000001");
  private static final ItemId GOLD = new ItemId("0123456789abcdef-000002");

  static SubmittedLabel label(ItemId item, String labeler, String answer, boolean gold) {
    return label(item, labeler, answer, gold, LabelStatus.PENDING);
  }

  static SubmittedLabel label(
      ItemId item, String labeler, String answer, boolean gold, LabelStatus status) {
    return new SubmittedLabel(
        LeaseId.random(),
        CAMPAIGN,
        item,
        new LabelerId(labeler),
        List.of(answer),
        gold,
        NOW,
        status);
  }

  @Test
  void aRoundDecidesThePendingLabelsOfCompleteItemsAndGoldButIsBuiltFromAll() {
    SubmittedLabel decidedBefore = label(A, "l1", "cat", false, LabelStatus.ACCEPTED);
    SubmittedLabel a2 = label(A, "l2", "cat", false);
    SubmittedLabel b1 = label(B, "l1", "dog", false);
    SubmittedLabel gold = label(GOLD, "l2", "dog", true);

    RoundPlan plan =
        RoundPlan.next(
                CampaignState.OPEN,
                List.of(decidedBefore, a2, b1, gold),
                Set.of(A),
                Optional.empty(),
                0,
                NOW)
            .orElseThrow();

    assertThat(plan.batch()).containsExactly(decidedBefore, a2, b1, gold);
    assertThat(plan.decides()).containsExactly(a2, gold);
  }

  @Test
  void noRoundWhileOneIsInFlightOrWhenOnlyGoldAnswersWait() {
    List<SubmittedLabel> labels = List.of(label(A, "l1", "cat", false));
    ValidationRound inFlight =
        ValidationRound.started(CAMPAIGN, 1, ValidationJobId.of(7), 1, 1, NOW);

    assertThat(RoundPlan.next(CampaignState.OPEN, labels, Set.of(A), Optional.of(inFlight), 0, NOW))
        .isEmpty();
    assertThat(
            RoundPlan.next(
                CampaignState.OPEN,
                List.of(label(GOLD, "l1", "cat", true)),
                Set.of(),
                Optional.empty(),
                0,
                NOW))
        .isEmpty();
    assertThat(RoundPlan.next(CampaignState.OPEN, labels, Set.of(), Optional.empty(), 0, NOW))
        .as("item A still waits for labels")
        .isEmpty();
  }

  @Test
  void onceClosedEveryPendingLabelIsDecided() {
    SubmittedLabel incomplete = label(A, "l1", "cat", false);
    SubmittedLabel gold = label(GOLD, "l1", "cat", true);

    RoundPlan plan =
        RoundPlan.next(
                CampaignState.CLOSED, List.of(incomplete, gold), Set.of(), Optional.empty(), 0, NOW)
            .orElseThrow();

    assertThat(plan.decides()).containsExactly(incomplete, gold);
  }

  @Test
  void afterAFailedRoundTheNextWaitsLongerEachTime() {
    List<SubmittedLabel> labels = List.of(label(A, "l1", "cat", false));
    ValidationRound failed = ValidationRound.started(CAMPAIGN, 2, ValidationJobId.of(8), 1, 1, NOW);
    failed.failed("boom", NOW);

    assertThat(
            RoundPlan.next(
                CampaignState.OPEN, labels, Set.of(A), Optional.of(failed), 1, NOW.plusSeconds(59)))
        .isEmpty();
    assertThat(
            RoundPlan.next(
                CampaignState.OPEN, labels, Set.of(A), Optional.of(failed), 1, NOW.plusSeconds(60)))
        .isPresent();
    assertThat(RoundPlan.backoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(RoundPlan.backoff(30)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void deferredLabelsAreLookedAtAgainOnlyWithNewLabelsOrOnceClosed() {
    List<SubmittedLabel> labels =
        List.of(label(A, "l1", "cat", false), label(A, "l2", "dog", false));
    ValidationRound applied =
        ValidationRound.started(CAMPAIGN, 1, ValidationJobId.of(9), 2, 2, NOW);
    applied.applied(0, 0, 0, 2, NOW);

    assertThat(RoundPlan.next(CampaignState.OPEN, labels, Set.of(A), Optional.of(applied), 0, NOW))
        .as("nothing new to learn from")
        .isEmpty();
    List<SubmittedLabel> more = new java.util.ArrayList<>(labels);
    more.add(label(B, "l1", "cat", false));
    assertThat(RoundPlan.next(CampaignState.OPEN, more, Set.of(A), Optional.of(applied), 0, NOW))
        .isPresent();
    assertThat(
            RoundPlan.next(CampaignState.CLOSED, labels, Set.of(A), Optional.of(applied), 0, NOW))
        .isPresent();
    assertThat(applied.message())
        .hasValue("2 labels wait for a surer consensus; a later round decides");
  }

  @Test
  void theJobKeyNamesCampaignAndRound() {
    assertThat(ValidationRound.jobKey(CAMPAIGN, 3)).isEqualTo("campaign/" + CAMPAIGN + "/round/3");
  }
}
