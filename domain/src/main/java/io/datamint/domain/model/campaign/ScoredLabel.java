package io.datamint.domain.model.campaign;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A label with what validation made of it: the quality score (the probability that it is right)
 * once it is ACCEPTED or REJECTED, nothing while PENDING.
 */
public record ScoredLabel(SubmittedLabel label, OptionalDouble quality) {

  public ScoredLabel {
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(quality, "quality must not be null (may be empty)");
  }
}
