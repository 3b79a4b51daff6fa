package io.datamint.validation.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real model on the CPU, on a handful of sentences (the model loads once for the class). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxEmbedderTest {

  private OnnxEmbedder embedder;

  @BeforeAll
  void loadModel() {
    embedder =
        OnnxEmbedder.open(
            OnnxEmbedder.Settings.defaults().withDevice(OnnxEmbedder.Device.CPU).withBatchSize(2));
  }

  @AfterAll
  void closeModel() {
    embedder.close();
  }

  @Test
  void similarSentencesAreCloserThanUnrelatedOnes() {
    List<float[]> v =
        embedder.embed(
            List.of(
                "A man is playing a guitar on stage.",
                "Someone performs music with a guitar in front of an audience.",
                "The stock market fell sharply after the interest rate decision."));

    assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.3);
  }

  @Test
  void vectorsHaveUnitLengthAndTheModelsDimension() {
    List<float[]> v = embedder.embed(List.of("short", "a somewhat longer sentence about cats"));

    assertThat(embedder.dimension()).isEqualTo(384);
    for (float[] x : v) {
      assertThat(x).hasSize(384);
      assertThat(dot(x, x)).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void batchingAndPaddingDoNotChangeTheVectorsOrTheirOrder() {
    List<String> texts =
        List.of(
            "one",
            "a much longer sentence that needs many more tokens than the others do",
            "two words",
            "three little words");
    List<float[]> batched = embedder.embed(texts);

    for (int i = 0; i < texts.size(); i++) {
      float[] alone = embedder.embed(List.of(texts.get(i))).get(0);
      assertThat(dot(alone, batched.get(i))).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void aPairIsReadJointly() {
    float[] pair =
        embedder
            .embedPairs(List.of(new TextPair("A dog runs in the park.", "An animal is outside.")))
            .get(0);
    float[] first = embedder.embed(List.of("A dog runs in the park.")).get(0);

    assertThat(dot(pair, pair)).isCloseTo(1.0, within(1e-4));
    assertThat(dot(pair, first)).isLessThan(0.999).isGreaterThan(0.3);
  }

  @Test
  void runsOnTheCpuWhenAskedTo() {
    assertThat(embedder.executionProvider()).isEqualTo("CPU");
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
