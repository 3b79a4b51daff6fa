package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ItemId;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The qualification round: the rule, the labeler's standing through it, and the term Q. */
class QualificationTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final CampaignId CAMPAIGN = CampaignId.random();
  private static final LabelerId LABELER = new LabelerId("labeler-1");

  @Test
  void theBarIsTheShareOfRightAnswersAtTheQualityThreshold() {
    assertThat(new QualificationRule(5, 0.7).needed()).isEqualTo(4);
    assertThat(new QualificationRule(10, 0.7).needed()).as("no rounding up past 7").isEqualTo(7);
    assertThat(new QualificationRule(3, 0.6).needed()).isEqualTo(2);
    assertThat(new QualificationRule(4, 0.0).needed()).isZero();
  }

  @Test
  void theRoundIsJudgedWhenTheLastAnswerIsIn() {
    QualificationRule rule = new QualificationRule(3, 0.6);

    assertThat(rule.judge(2, 0)).isEqualTo(QualificationRule.Outcome.IN_PROGRESS);
    assertThat(rule.judge(3, 2)).isEqualTo(QualificationRule.Outcome.PASSED);
    assertThat(rule.judge(3, 1)).isEqualTo(QualificationRule.Outcome.FAILED);
    assertThatThrownBy(() -> rule.judge(2, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLabelerQualifiesFirstWhenTheCampaignHasARoundAndAtOnceWhenNot() {
    assertThat(LabelerStanding.start(CAMPAIGN, LABELER, new QualificationRule(2, 0.5), NOW).state())
        .isEqualTo(StandingState.QUALIFYING);
    assertThat(LabelerStanding.start(CAMPAIGN, LABELER, new QualificationRule(0, 0.5), NOW).state())
        .isEqualTo(StandingState.QUALIFIED);
  }

  @Test
  void passingTheRoundQualifiesTheLabeler() {
    QualificationRule rule = new QualificationRule(3, 0.6);
    LabelerStanding s = LabelerStanding.start(CAMPAIGN, LABELER, rule, NOW);

    s.answeredQualification(true, rule, NOW);
    s.answeredQualification(false, rule, NOW);
    assertThat(s.isQualifying()).isTrue();
    s.answeredQualification(true, rule, NOW);

    assertThat(s.state()).isEqualTo(StandingState.QUALIFIED);
    assertThat(s.qualificationCorrect()).isEqualTo(2);
    assertThatThrownBy(() -> s.answeredQualification(true, rule, NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failingTheRoundBlocksTheLabelerWithTheReason() {
    QualificationRule rule = new QualificationRule(2, 0.75);
    LabelerStanding s = LabelerStanding.start(CAMPAIGN, LABELER, rule, NOW);

    s.answeredQualification(true, rule, NOW);
    QualificationRule.Outcome outcome = s.answeredQualification(false, rule, NOW);

    assertThat(outcome).isEqualTo(QualificationRule.Outcome.FAILED);
    assertThat(s.isBlocked()).isTrue();
    assertThat(s.blockReason())
        .hasValue("qualification failed: 1 of 2 gold answers right, 2 needed");
    assertThat(s.blockedAt()).hasValue(NOW);
  }

  @Test
  void aBlockIsFinalAndKeepsItsFirstReasonWhileReliabilityIsStillRecorded() {
    LabelerStanding s =
        LabelerStanding.start(CAMPAIGN, LABELER, new QualificationRule(0, 0.5), NOW);
    s.block("first", NOW);
    s.block("second", NOW.plusSeconds(1));
    s.rated(0.2, 30, NOW.plusSeconds(2));

    assertThat(s.blockReason()).hasValue("first");
    assertThat(s.state()).isEqualTo(StandingState.BLOCKED);
    assertThat(s.reliability().getAsDouble()).isEqualTo(0.2);
  }

  @Test
  void theTermQIsAtMostTheGoldItemsAndDefaultsToFiveOrAllGold() {
    List<GoldItem> three =
        IntStream.range(0, 3)
            .mapToObj(i -> new GoldItem(new ItemId("0123456789abcdef-00000" + i), List.of("a")))
            .toList();

    assertThat(terms(three, null).qualificationItems()).isEqualTo(3);
    assertThat(terms(List.of(), null).qualificationItems()).isZero();
    assertThat(terms(three, 2).qualificationItems()).isEqualTo(2);
    assertThat(terms(three, 2).qualification()).isEqualTo(new QualificationRule(2, 0.6));
    assertThatThrownBy(() -> terms(three, 4))
        .hasMessageContaining("the qualification round asks 0 to 3 gold items");
  }

  private static CampaignTerms terms(List<GoldItem> gold, Integer q) {
    if (q == null) {
      return new CampaignTerms(
          "t",
          LabelSchema.single("a", "b"),
          "i",
          2,
          gold,
          gold.isEmpty() ? 0 : 4,
          TokenAmount.ofTokens("1"),
          0.6,
          TokenAmount.ofTokens("100"),
          NOW.plusSeconds(3600),
          null);
    }
    return new CampaignTerms(
        "t",
        LabelSchema.single("a", "b"),
        "i",
        2,
        gold,
        gold.isEmpty() ? 0 : 4,
        TokenAmount.ofTokens("1"),
        0.6,
        TokenAmount.ofTokens("100"),
        NOW.plusSeconds(3600),
        null,
        q);
  }
}
