package io.datamint.validation.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.ValidationBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPayloadCodecTest {

  @Test
  void aBatchSurvivesTheRoundTrip() {
    ValidationBatch batch =
        new ValidationBatch(
            "campaign-1/batch-2",
            List.of(new Annotation("i1", "w1", "yes"), new Annotation("i2", "w1", "no \"quoted\"")),
            Map.of("i1", ItemContent.of("ünïcode text"), "i2", ItemContent.pair("premise", "hyp")),
            Map.of("i1", "yes"),
            0.7);

    ValidationBatch back =
        JobPayloadCodec.decode("campaign-1/batch-2", JobPayloadCodec.encode(batch));

    assertThat(back).isEqualTo(batch);
  }

  @Test
  void anUnreadablePayloadNamesTheJob() {
    assertThatThrownBy(() -> JobPayloadCodec.decode("job-9", "{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job-9");
  }

  @Test
  void retryDelayGrowsAndIsCapped() {
    assertThat(ValidationWorker.retryDelay(1)).hasSeconds(2);
    assertThat(ValidationWorker.retryDelay(3)).hasSeconds(8);
    assertThat(ValidationWorker.retryDelay(30)).hasMinutes(5);
  }
}
