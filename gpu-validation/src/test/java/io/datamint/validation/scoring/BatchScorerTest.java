package io.datamint.validation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.embedding.Embedder;
import io.datamint.validation.embedding.TextPair;
import io.datamint.validation.inference.Crowd;
import io.datamint.validation.inference.TruthInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchScorerTest {

  private static List<Annotation> crowd() {
    return List.of(
        new Annotation("i1", "w1", "pos"),
        new Annotation("i1", "w2", "pos"),
        new Annotation("i1", "w3", "neg"),
        new Annotation("i2", "w1", "neg"),
        new Annotation("i2", "w2", "neg"),
        new Annotation("i2", "w3", "neg"));
  }

  @Test
  void scoresEveryLabelItemAndLabelerUnderTheirKeys() {
    ValidationBatch batch = new ValidationBatch("b", crowd(), Map.of(), Map.of(), 0.5);

    ValidationResult r = new BatchScorer(new TruthInference(), Optional.empty()).score(batch);

    assertThat(r.labels()).hasSize(6);
    assertThat(r.items())
        .extracting(c -> c.itemKey() + "=" + c.consensusLabel())
        .containsExactly("i1=pos", "i2=neg");
    assertThat(r.labelers())
        .extracting(l -> l.labelerKey() + ":" + l.labelCount())
        .containsExactly("w1:2", "w2:2", "w3:2");
    LabelScore dissent = r.labels().get(2);
    assertThat(dissent.labelerKey()).isEqualTo("w3");
    assertThat(dissent.accepted()).isFalse();
    assertThat(r.labels().get(0).accepted()).isTrue();
  }

  @Test
  void aStricterThresholdAcceptsFewerLabels() {
    ValidationResult lenient =
        new BatchScorer(new TruthInference(), Optional.empty())
            .score(new ValidationBatch("b", crowd(), Map.of(), Map.of(), 0.1));
    ValidationResult strict =
        new BatchScorer(new TruthInference(), Optional.empty())
            .score(new ValidationBatch("b", crowd(), Map.of(), Map.of(), 0.999999));

    assertThat(lenient.labels().stream().filter(LabelScore::accepted).count())
        .isGreaterThan(strict.labels().stream().filter(LabelScore::accepted).count());
  }

  @Test
  void pairItemsAreEmbeddedTextByTextAndSingleItemsWhole() {
    List<String> asked = new ArrayList<>();
    Embedder recorder =
        new Embedder() {
          @Override
          public int dimension() {
            return 1;
          }

          @Override
          public String modelId() {
            return "recorder";
          }

          @Override
          public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length()}).toList();
          }

          @Override
          public List<float[]> embedPairs(List<TextPair> pairs) {
            throw new AssertionError("all-pair batches use separate embeddings");
          }
        };
    ValidationBatch batch =
        new ValidationBatch(
            "b",
            crowd(),
            Map.of(
                "i1", ItemContent.pair("premise one", "hyp"), "i2", ItemContent.pair("p2", "h2")),
            Map.of(),
            0.5);

    new BatchScorer(new TruthInference(), Optional.of(recorder)).score(batch);

    assertThat(asked).containsExactly("premise one", "hyp", "p2", "h2");
  }

  @Test
  void pairItemsGetOneRowOfRelationFeaturesEach() {
    Embedder constant =
        new Embedder() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public String modelId() {
            return "constant";
          }

          @Override
          public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> new float[] {1f, 0f}).toList();
          }

          @Override
          public List<float[]> embedPairs(List<TextPair> pairs) {
            throw new AssertionError("all-pair batches use separate embeddings");
          }
        };
    Crowd crowd =
        Crowd.builder().annotation("i1", "w1", "yes").annotation("i2", "w1", "no").build();

    double[][] f =
        BatchScorer.features(
            constant,
            crowd,
            Map.of(
                "i1", ItemContent.pair("Rain fell in Paris.", "Rain fell."),
                "i2", ItemContent.pair("Rain fell.", "No rain fell in 2004.")));

    assertThat(f[0]).hasSize(PairRelation.DIMENSION);
    assertThat(f[0][1]).isEqualTo(1.0); // "rain fell" wholly in the premise
    assertThat(f[1][3]).isEqualTo(1.0); // 2004 is not in the premise
    assertThat(f[1][4]).isEqualTo(1.0); // negated hypothesis, affirmative premise
  }
}
