package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building a round's job and applying its result: single-label and multi-label. */
class RoundVerdictsTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final CampaignId CAMPAIGN = CampaignId.random();
  private static final ItemId A = new ItemId("0123456789abcdef-000000");
  private static final ItemId GOLD = new ItemId("0123456789abcdef-000001");

  private static SubmittedLabel label(ItemId item, String labeler, List<String> answer) {
    return new SubmittedLabel(
        LeaseId.random(),
        CAMPAIGN,
        item,
        new LabelerId(labeler),
        answer,
        false,
        NOW,
        LabelStatus.PENDING);
  }

  @Test
  void aSingleLabelBatchKeysItemsAndLabelersByTheirIdsWithGoldAndTexts() {
    SubmittedLabel l = label(A, "l1", List.of("cat"));

    ValidationBatch batch =
        ValidationBatches.build(
            CAMPAIGN,
            4,
            LabelSchema.single("cat", "dog"),
            0.7,
            List.of(l),
            Map.of(GOLD, List.of("dog")),
            Map.of(A, "meow"));

    assertThat(batch.jobKey()).isEqualTo("campaign/" + CAMPAIGN + "/round/4");
    assertThat(batch.annotations()).containsExactly(new Annotation(A.value(), "l1", "cat"));
    assertThat(batch.gold()).containsEntry(GOLD.value(), "dog");
    assertThat(batch.items().get(A.value()).text()).isEqualTo("meow");
    assertThat(batch.acceptThreshold()).isEqualTo(0.7);
  }

  @Test
  void aQualityAtTheThresholdIsAcceptedAndBelowItRejected() {
    SubmittedLabel right = label(A, "l1", List.of("cat"));
    SubmittedLabel wrong = label(A, "l2", List.of("dog"));
    SubmittedLabel unscored = label(GOLD, "l3", List.of("dog"));
    ValidationResult result =
        new ValidationResult(
            List.of(
                new LabelScore(A.value(), "l1", "cat", 0.7, true),
                new LabelScore(A.value(), "l2", "dog", 0.3, false)),
            List.of(new ItemConsensus(A.value(), "cat", 0.7)),
            List.of(new LabelerReliability("l1", 0.9, 12), new LabelerReliability("l2", 0.2, 11)));

    RoundVerdicts v =
        RoundVerdicts.read(
            LabelSchema.single("cat", "dog"), 0.7, List.of(right, wrong, unscored), result, true);

    assertThat(v.labels())
        .containsExactly(
            new RoundVerdicts.LabelVerdict(
                right.lease(), right.labeler(), 0.7, LabelStatus.ACCEPTED),
            new RoundVerdicts.LabelVerdict(
                wrong.lease(), wrong.labeler(), 0.3, LabelStatus.REJECTED));
    assertThat(v.missing()).containsExactly(unscored.lease());
    assertThat(v.items()).containsExactly(new RoundVerdicts.ItemVerdict(A, List.of("cat"), 0.7));
    assertThat(v.labelers())
        .containsExactly(
            new RoundVerdicts.LabelerVerdict(new LabelerId("l1"), 0.9, 12),
            new RoundVerdicts.LabelerVerdict(new LabelerId("l2"), 0.2, 11));
  }

  @Test
  void whileTheCampaignRunsLabelsOfItemsWithoutASureConsensusWaitForALaterRound() {
    ItemId b = new ItemId("0123456789abcdef-000009");
    SubmittedLabel onUnsure = label(A, "l1", List.of("cat"));
    SubmittedLabel onSure = label(b, "l1", List.of("dog"));
    ValidationResult result =
        new ValidationResult(
            List.of(
                new LabelScore(A.value(), "l1", "cat", 0.586, false),
                new LabelScore(b.value(), "l1", "dog", 0.97, true)),
            List.of(
                new ItemConsensus(A.value(), "cat", 0.586),
                new ItemConsensus(b.value(), "dog", 0.97)),
            List.of(new LabelerReliability("l1", 0.586, 2)));
    LabelSchema schema = LabelSchema.single("cat", "dog");

    RoundVerdicts running =
        RoundVerdicts.read(schema, 0.6, List.of(onUnsure, onSure), result, false);
    RoundVerdicts closed = RoundVerdicts.read(schema, 0.6, List.of(onUnsure, onSure), result, true);

    assertThat(running.labels())
        .extracting(RoundVerdicts.LabelVerdict::lease)
        .containsExactly(onSure.lease());
    assertThat(running.deferred()).containsExactly(onUnsure.lease());
    assertThat(running.items()).as("the consensus is recorded all the same").hasSize(2);
    assertThat(closed.labels()).hasSize(2);
    assertThat(closed.labels().get(0).status()).isEqualTo(LabelStatus.REJECTED);
    assertThat(closed.deferred()).isEmpty();
  }

  @Test
  void aMultiLabelAnswerBecomesOneYesOrNoPerClassWithoutTexts() {
    SubmittedLabel l = label(A, "l1", List.of("cat", "bird"));

    ValidationBatch batch =
        ValidationBatches.build(
            CAMPAIGN,
            1,
            LabelSchema.multi("cat", "dog", "bird"),
            0.5,
            List.of(l),
            Map.of(GOLD, List.of("dog")),
            Map.of(A, "ignored"));

    assertThat(batch.annotations())
        .containsExactly(
            new Annotation(A.value() + "#0", "l1", "yes"),
            new Annotation(A.value() + "#1", "l1", "no"),
            new Annotation(A.value() + "#2", "l1", "yes"));
    assertThat(batch.gold())
        .containsEntry(GOLD.value() + "#0", "no")
        .containsEntry(GOLD.value() + "#1", "yes")
        .containsEntry(GOLD.value() + "#2", "no");
    assertThat(batch.items()).isEmpty();
  }

  @Test
  void aMultiLabelAnswersQualityIsTheProductOfItsClassesAndTheConsensusTheYesClasses() {
    SubmittedLabel l = label(A, "l1", List.of("cat", "bird"));
    String a = A.value();
    ValidationResult result =
        new ValidationResult(
            List.of(
                new LabelScore(a + "#0", "l1", "yes", 0.9, true),
                new LabelScore(a + "#1", "l1", "no", 0.8, true),
                new LabelScore(a + "#2", "l1", "yes", 0.5, true)),
            List.of(
                new ItemConsensus(a + "#0", "yes", 0.9),
                new ItemConsensus(a + "#1", "no", 0.8),
                new ItemConsensus(a + "#2", "no", 0.5)),
            List.of(new LabelerReliability("l1", 0.75, 30)));

    RoundVerdicts v =
        RoundVerdicts.read(LabelSchema.multi("cat", "dog", "bird"), 0.5, List.of(l), result, true);

    assertThat(v.labels()).hasSize(1);
    assertThat(v.labels().get(0).quality()).isCloseTo(0.36, within(1e-9));
    assertThat(v.labels().get(0).status()).isEqualTo(LabelStatus.REJECTED);
    assertThat(v.items()).hasSize(1);
    assertThat(v.items().get(0).consensus()).containsExactly("cat", "bird");
    assertThat(v.items().get(0).confidence()).isCloseTo(0.9 * 0.8 * 0.5, within(1e-9));
    assertThat(v.labelers().get(0).labels()).as("30 decisions over 3 classes").isEqualTo(10);
  }

  @Test
  void aMultiLabelItemWithoutAnyYesGetsItsLikeliestClass() {
    String a = A.value();
    ValidationResult result =
        new ValidationResult(
            List.of(),
            List.of(new ItemConsensus(a + "#0", "no", 0.6), new ItemConsensus(a + "#1", "no", 0.9)),
            List.of());

    RoundVerdicts v =
        RoundVerdicts.read(LabelSchema.multi("cat", "dog"), 0.5, List.of(), result, false);

    assertThat(v.items().get(0).consensus()).containsExactly("cat");
    assertThat(v.items().get(0).confidence()).isCloseTo(0.4 * 0.9, within(1e-9));
  }
}
