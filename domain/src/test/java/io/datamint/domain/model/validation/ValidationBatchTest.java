package io.datamint.domain.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationBatchTest {

  private static final List<Annotation> ONE = List.of(new Annotation("i1", "w1", "yes"));

  @Test
  void rejectsASecondLabelBySameLabelerOnSameItem() {
    List<Annotation> twice =
        List.of(new Annotation("i1", "w1", "yes"), new Annotation("i1", "w1", "no"));

    assertThatThrownBy(() -> new ValidationBatch("b", twice, Map.of(), Map.of(), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than once");
  }

  @Test
  void rejectsEmptyBatchesAndThresholdsOutsideTheOpenUnitInterval() {
    assertThatThrownBy(() -> new ValidationBatch("b", List.of(), Map.of(), Map.of(), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationBatch("b", ONE, Map.of(), Map.of(), 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationBatch(" ", ONE, Map.of(), Map.of(), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoresMustBeProbabilities() {
    assertThatThrownBy(() -> new LabelScore("i", "w", "l", 1.2, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ItemConsensus("i", "l", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LabelerReliability("w", 0.0, 0).reliability()).isZero();
  }

  @Test
  void aPairNeedsItsSecondText() {
    assertThat(ItemContent.pair("a", "b").isPair()).isTrue();
    assertThat(ItemContent.of("a").isPair()).isFalse();
    assertThatThrownBy(() -> ItemContent.pair("a", null)).isInstanceOf(NullPointerException.class);
  }
}
