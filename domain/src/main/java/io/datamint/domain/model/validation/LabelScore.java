package io.datamint.domain.model.validation;

/**
 * The verdict on one annotation.
 *
 * @param quality the probability, in [0, 1], that this label is the item's true label
 * @param accepted whether the quality reached the batch's accept threshold (only accepted labels
 *     are rewarded)
 */
public record LabelScore(
    String itemKey, String labelerKey, String label, double quality, boolean accepted) {

  public LabelScore {
    Annotation.requireText(itemKey, "item key");
    Annotation.requireText(labelerKey, "labeler key");
    Annotation.requireText(label, "label");
    ValidationResult.requireProbability(quality, "quality");
  }
}
