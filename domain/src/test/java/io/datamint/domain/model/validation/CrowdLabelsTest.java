package io.datamint.domain.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrowdLabelsTest {

  private static final JobRequester ALICE = new JobRequester("alice-subject");
  private static final JobRequester BOB = new JobRequester("bob-subject");

  private static CrowdLabels labels(Map<String, String> gold, double threshold) {
    return new CrowdLabels(
        List.of(new Annotation("i1", "w1", "yes"), new Annotation("i1", "w2", "no")),
        Map.of("i1", ItemContent.pair("premise", "hypothesis")),
        gold,
        threshold);
  }

  @Test
  void theSameLabelsFromTheSameRequesterGiveTheSameJobKey() {
    Map<String, String> gold = new LinkedHashMap<>();
    gold.put("i1", "yes");
    gold.put("i2", "no");
    Map<String, String> reordered = new LinkedHashMap<>();
    reordered.put("i2", "no");
    reordered.put("i1", "yes");

    assertThat(labels(gold, 0.5).toBatch(ALICE).jobKey())
        .isEqualTo(labels(reordered, 0.5).toBatch(ALICE).jobKey())
        .startsWith("upload/alice-subject/");
  }

  @Test
  void anotherRequesterAnotherThresholdOrAnotherLabelGiveAnotherKey() {
    String key = labels(Map.of(), 0.5).toBatch(ALICE).jobKey();

    assertThat(labels(Map.of(), 0.5).toBatch(BOB).jobKey()).isNotEqualTo(key);
    assertThat(labels(Map.of(), 0.6).toBatch(ALICE).jobKey()).isNotEqualTo(key);
    assertThat(labels(Map.of("i1", "yes"), 0.5).toBatch(ALICE).jobKey()).isNotEqualTo(key);
    CrowdLabels changed =
        new CrowdLabels(
            List.of(new Annotation("i1", "w1", "yes"), new Annotation("i1", "w2", "yes")),
            Map.of("i1", ItemContent.pair("premise", "hypothesis")),
            Map.of(),
            0.5);
    assertThat(changed.toBatch(ALICE).jobKey()).isNotEqualTo(key);
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeTheSameKey() {
    CrowdLabels a =
        new CrowdLabels(List.of(new Annotation("i1", "w12", "x")), Map.of(), Map.of(), 0.5);
    CrowdLabels b =
        new CrowdLabels(List.of(new Annotation("i1w", "12", "x")), Map.of(), Map.of(), 0.5);

    assertThat(a.toBatch(ALICE).jobKey()).isNotEqualTo(b.toBatch(ALICE).jobKey());
  }

  @Test
  void labelsThatDoNotMakeABatchAreRefusedWithTheReason() {
    CrowdLabels twice =
        new CrowdLabels(
            List.of(new Annotation("i1", "w1", "yes"), new Annotation("i1", "w1", "no")),
            Map.of(),
            Map.of(),
            0.5);

    assertThatThrownBy(() -> twice.toBatch(ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than once");
    assertThatThrownBy(() -> labels(Map.of(), 1.0).toBatch(ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }
}
