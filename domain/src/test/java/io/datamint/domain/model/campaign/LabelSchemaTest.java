package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSchemaTest {

  @Test
  void aSingleLabelAnswerIsExactlyOneKnownLabel() {
    LabelSchema schema = LabelSchema.single("cat", "dog");

    assertThat(schema.check(List.of(" dog "))).containsExactly("dog");
    assertThatThrownBy(() -> schema.check(List.of("cat", "dog")))
        .hasMessageContaining("exactly one label");
    assertThatThrownBy(() -> schema.check(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> schema.check(List.of("cow"))).hasMessageContaining("not one of");
  }

  @Test
  void aMultiLabelAnswerIsDistinctKnownLabelsInSchemaOrder() {
    LabelSchema schema = LabelSchema.multi("red", "green", "blue");

    assertThat(schema.check(List.of("blue", "red"))).containsExactly("red", "blue");
    assertThatThrownBy(() -> schema.check(List.of("red", "red")))
        .hasMessageContaining("given twice");
  }

  @Test
  void aLabelSetHasTwoToFiftyDistinctPrintableLabels() {
    assertThatThrownBy(() -> LabelSchema.single("only")).hasMessageContaining("2 to 50");
    assertThatThrownBy(() -> LabelSchema.single("a", "a")).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> LabelSchema.single("a", "b\nc"))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> LabelSchema.single("a", " ")).hasMessageContaining("1 to 100");
  }
}
