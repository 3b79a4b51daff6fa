package io.datamint.domain.model.validation;

/**
 * How often one labeler is right, as estimated from this batch.
 *
 * @param reliability expected share of correct labels, in [0, 1]
 * @param labelCount how many labels the estimate rests on (few labels: the estimate leans on the
 *     crowd's average)
 */
public record LabelerReliability(String labelerKey, double reliability, int labelCount) {

  public LabelerReliability {
    Annotation.requireText(labelerKey, "labeler key");
    ValidationResult.requireProbability(reliability, "reliability");
    if (labelCount < 0) {
      throw new IllegalArgumentException("label count must not be negative");
    }
  }
}
