package io.datamint.domain.model.validation;

import java.util.List;
import java.util.Objects;

/** Everything a validation job produced: one score per label, item and labeler. */
public record ValidationResult(
    List<LabelScore> labels, List<ItemConsensus> items, List<LabelerReliability> labelers) {

  public ValidationResult {
    labels = List.copyOf(Objects.requireNonNull(labels, "labels must not be null"));
    items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
    labelers = List.copyOf(Objects.requireNonNull(labelers, "labelers must not be null"));
  }

  static void requireProbability(double value, String what) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(what + " must lie in [0, 1], was " + value);
    }
  }
}
