package io.datamint.validation.scoring;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.embedding.Embedder;
import io.datamint.validation.embedding.TextPair;
import io.datamint.validation.inference.Crowd;
import io.datamint.validation.inference.InferenceResult;
import io.datamint.validation.inference.TruthInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a batch: item content becomes feature vectors through the embedder, the truth inference
 * turns labels (and gold, and features) into posteriors, and the accept threshold turns label
 * quality into accepted or rejected.
 *
 * <p>Features: for a single text, its embedding. For a pair of texts, a handful of features of how
 * the two relate ({@link PairRelation}: cosine of the two embeddings, lexical coverage, length
 * ratio, number and negation mismatch): what a pair label (entailment, paraphrase, relevance)
 * depends on is the relation, not what the texts are about. When a batch mixes pairs and single
 * texts, every item is embedded as one text (pairs read jointly) so that all vectors share one
 * space.
 */
public final class BatchScorer {

  private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);

  private final TruthInference inference;
  private final Optional<Embedder> embedder;

  /**
   * @param embedder the embedder, or empty to score from agreement alone
   */
  public BatchScorer(TruthInference inference, Optional<Embedder> embedder) {
    this.inference = Objects.requireNonNull(inference, "inference must not be null");
    this.embedder = Objects.requireNonNull(embedder, "embedder must not be null (use empty)");
  }

  public ValidationResult score(ValidationBatch batch) {
    Crowd.Builder builder = Crowd.builder();
    for (Annotation a : batch.annotations()) {
      builder.annotation(a.itemKey(), a.labelerKey(), a.label());
    }
    batch.gold().forEach(builder::gold);
    Crowd crowd = builder.build();
    double[][] features = embedder.map(e -> features(e, crowd, batch.items())).orElse(null);
    long start = System.nanoTime();
    InferenceResult result = inference.infer(crowd, features);
    LOG.debug(
        "inferred {} items in {} EM iterations, {} ms, embeddings used: {}",
        crowd.itemCount(),
        result.iterations(),
        (System.nanoTime() - start) / 1_000_000,
        result.usedEmbeddingPrior());
    return toResult(crowd, result, batch.acceptThreshold());
  }

  public static double[][] features(
      Embedder embedder, Crowd crowd, Map<String, ItemContent> items) {
    List<Integer> withContent = new ArrayList<>();
    boolean allPairs = true;
    for (int i = 0; i < crowd.itemCount(); i++) {
      ItemContent content = items.get(crowd.itemKey(i));
      if (content != null && !content.text().isBlank()) {
        withContent.add(i);
        allPairs &= content.isPair();
      }
    }
    if (withContent.isEmpty()) {
      return null;
    }
    double[][] features = new double[crowd.itemCount()][];
    if (allPairs) {
      List<String> texts = new ArrayList<>();
      for (int i : withContent) {
        ItemContent c = items.get(crowd.itemKey(i));
        texts.add(c.text());
        texts.add(c.secondText());
      }
      List<float[]> vectors = embedder.embed(texts);
      for (int n = 0; n < withContent.size(); n++) {
        ItemContent c = items.get(crowd.itemKey(withContent.get(n)));
        features[withContent.get(n)] =
            PairRelation.features(
                c.text(), c.secondText(), vectors.get(2 * n), vectors.get(2 * n + 1));
      }
    } else {
      List<float[]> vectors = new ArrayList<>();
      List<String> singles = new ArrayList<>();
      List<TextPair> pairs = new ArrayList<>();
      for (int i : withContent) {
        ItemContent c = items.get(crowd.itemKey(i));
        if (c.isPair()) {
          pairs.add(new TextPair(c.text(), c.secondText()));
        } else {
          singles.add(c.text());
        }
      }
      List<float[]> singleVectors = embedder.embed(singles);
      List<float[]> pairVectors = embedder.embedPairs(pairs);
      int s = 0;
      int p = 0;
      for (int i : withContent) {
        vectors.add(
            items.get(crowd.itemKey(i)).isPair() ? pairVectors.get(p++) : singleVectors.get(s++));
      }
      for (int n = 0; n < withContent.size(); n++) {
        features[withContent.get(n)] = toDouble(vectors.get(n));
      }
    }
    return features;
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  static ValidationResult toResult(Crowd crowd, InferenceResult result, double threshold) {
    List<LabelScore> labels = new ArrayList<>(crowd.annotationCount());
    for (int a = 0; a < crowd.annotationCount(); a++) {
      double quality = result.quality(a);
      labels.add(
          new LabelScore(
              crowd.itemKey(crowd.item(a)),
              crowd.labelerKey(crowd.labeler(a)),
              crowd.className(crowd.label(a)),
              quality,
              quality >= threshold));
    }
    List<ItemConsensus> items = new ArrayList<>(crowd.itemCount());
    for (int i = 0; i < crowd.itemCount(); i++) {
      items.add(
          new ItemConsensus(
              crowd.itemKey(i), crowd.className(result.consensus(i)), result.confidence(i)));
    }
    List<LabelerReliability> labelers = new ArrayList<>(crowd.labelerCount());
    for (int j = 0; j < crowd.labelerCount(); j++) {
      labelers.add(
          new LabelerReliability(crowd.labelerKey(j), result.reliability(j), crowd.labelCount(j)));
    }
    return new ValidationResult(labels, items, labelers);
  }
}
