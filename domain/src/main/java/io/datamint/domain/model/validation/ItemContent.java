package io.datamint.domain.model.validation;

import java.util.Objects;

/**
 * The content of an item the embedder reads: one text, or a pair of texts (e.g. premise and
 * hypothesis) when the label is about the relation between two texts.
 */
public record ItemContent(String text, String secondText) {

  public ItemContent {
    Objects.requireNonNull(text, "item text must not be null");
  }

  public static ItemContent of(String text) {
    return new ItemContent(text, null);
  }

  public static ItemContent pair(String text, String secondText) {
    Objects.requireNonNull(secondText, "second text of a pair must not be null");
    return new ItemContent(text, secondText);
  }

  public boolean isPair() {
    return secondText != null;
  }
}
