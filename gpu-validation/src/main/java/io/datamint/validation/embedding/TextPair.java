package io.datamint.validation.embedding;

import java.util.Objects;

/** Two texts read together, e.g. a premise and a hypothesis. */
public record TextPair(String first, String second) {

  public TextPair {
    Objects.requireNonNull(first, "first text must not be null");
    Objects.requireNonNull(second, "second text must not be null");
  }
}
