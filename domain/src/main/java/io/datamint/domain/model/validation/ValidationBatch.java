package io.datamint.domain.model.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one validation job scores: the annotations of one campaign batch, the content of its items
 * (optional: without it the scores come from agreement alone) and the gold answers known for some
 * items.
 *
 * @param jobKey unique name of the batch (e.g. {@code campaign-42/batch-7}); enqueueing the same
 *     key twice yields the same job, so a retried request never scores a batch twice
 * @param acceptThreshold a label is accepted when the probability that it is right reaches this
 */
public record ValidationBatch(
    String jobKey,
    List<Annotation> annotations,
    Map<String, ItemContent> items,
    Map<String, String> gold,
    double acceptThreshold) {

  public ValidationBatch {
    Annotation.requireText(jobKey, "job key");
    annotations = List.copyOf(Objects.requireNonNull(annotations, "annotations must not be null"));
    if (annotations.isEmpty()) {
      throw new IllegalArgumentException("a validation batch needs at least one annotation");
    }
    // The truth inference treats labels as independent votes: a second label from the same
    // labeler on the same item would count their opinion twice.
    Set<String> seen = new HashSet<>();
    for (Annotation a : annotations) {
      if (!seen.add(a.itemKey() + '\u0000' + a.labelerKey())) {
        throw new IllegalArgumentException(
            "labeler " + a.labelerKey() + " labeled item " + a.itemKey() + " more than once");
      }
    }
    items = Map.copyOf(Objects.requireNonNull(items, "items must not be null (may be empty)"));
    gold = Map.copyOf(Objects.requireNonNull(gold, "gold must not be null (may be empty)"));
    if (!(acceptThreshold > 0.0 && acceptThreshold < 1.0)) {
      throw new IllegalArgumentException(
          "accept threshold must lie in (0, 1), was " + acceptThreshold);
    }
  }
}
