package io.datamint.domain.model.validation;

import java.util.Objects;

/**
 * One label given by one labeler to one item. Item and labeler keys are opaque to the validation
 * pipeline: the campaign chooses them (typically its item id and its labeler id) and gets the same
 * keys back in the results.
 */
public record Annotation(String itemKey, String labelerKey, String label) {

  public Annotation {
    requireText(itemKey, "item key");
    requireText(labelerKey, "labeler key");
    requireText(label, "label");
  }

  static void requireText(String value, String what) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
