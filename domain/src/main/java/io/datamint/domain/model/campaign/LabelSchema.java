package io.datamint.domain.model.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a label may be: single-label or multi-label classification over a fixed label set (2 to
 * {@value #MAX_LABELS} labels, each 1 to {@value #MAX_LABEL_LENGTH} characters, no control
 * characters, no duplicates). The order of the set is the order labelers see (and the keyboard
 * shortcuts 1-9 follow it).
 */
public record LabelSchema(LabelMode mode, List<String> labels) {

  public static final int MAX_LABELS = 50;
  public static final int MAX_LABEL_LENGTH = 100;

  public LabelSchema {
    Objects.requireNonNull(mode, "label mode must not be null");
    Objects.requireNonNull(labels, "labels must not be null");
    Set<String> seen = new LinkedHashSet<>();
    for (String label : labels) {
      String l = Objects.requireNonNull(label, "a label must not be null").strip();
      if (l.isEmpty() || l.length() > MAX_LABEL_LENGTH) {
        throw new IllegalArgumentException(
            "a label has 1 to " + MAX_LABEL_LENGTH + " characters: \"" + label + "\"");
      }
      if (l.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("a label must not contain control characters");
      }
      if (!seen.add(l)) {
        throw new IllegalArgumentException("the label \"" + l + "\" appears twice");
      }
    }
    if (seen.size() < 2 || seen.size() > MAX_LABELS) {
      throw new IllegalArgumentException(
          "a label set has 2 to " + MAX_LABELS + " labels, got " + seen.size());
    }
    labels = List.copyOf(seen);
  }

  public static LabelSchema single(String... labels) {
    return new LabelSchema(LabelMode.SINGLE, List.of(labels));
  }

  public static LabelSchema multi(String... labels) {
    return new LabelSchema(LabelMode.MULTI, List.of(labels));
  }

  /**
   * An answer checked against the schema, in the schema's order: exactly one known label for
   * single-label, one or more distinct known labels for multi-label.
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public List<String> check(Collection<String> answer) {
    Objects.requireNonNull(answer, "an answer must not be null");
    Set<String> given = new LinkedHashSet<>();
    for (String label : answer) {
      String l = Objects.requireNonNull(label, "a label must not be null").strip();
      if (!labels.contains(l)) {
        throw new IllegalArgumentException(
            "\"" + l + "\" is not one of the campaign's labels " + labels);
      }
      if (!given.add(l)) {
        throw new IllegalArgumentException("the label \"" + l + "\" is given twice");
      }
    }
    if (given.isEmpty()) {
      throw new IllegalArgumentException("an answer needs at least one label");
    }
    if (mode == LabelMode.SINGLE && given.size() != 1) {
      throw new IllegalArgumentException(
          "this campaign takes exactly one label per item, got " + given.size());
    }
    List<String> ordered = new ArrayList<>(given.size());
    for (String label : labels) {
      if (given.contains(label)) {
        ordered.add(label);
      }
    }
    return List.copyOf(ordered);
  }
}
