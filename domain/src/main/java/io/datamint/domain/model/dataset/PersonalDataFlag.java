package io.datamint.domain.model.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.Objects;

/**
 * Personal data found in a version: how many values of one kind, and a few examples that are
 * already masked (e.g. {@code j***@e***.com}, {@code **** **** **** 4242}) so that the flag itself
 * can be shown to reviewers without leaking what it warns about.
 */
@Embeddable
public class PersonalDataFlag {

  public static final int MAX_EXAMPLES = 3;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", length = 30, nullable = false)
  private PersonalDataKind kind;

  @Column(name = "occurrences", nullable = false)
  private long occurrences;

  @Convert(converter = StringListConverter.class)
  @Column(name = "masked_examples", length = 2000, nullable = false)
  private List<String> maskedExamples;

  protected PersonalDataFlag() {
    // for JPA
  }

  public PersonalDataFlag(PersonalDataKind kind, long occurrences, List<String> maskedExamples) {
    this.kind = Objects.requireNonNull(kind, "kind must not be null");
    if (occurrences <= 0) {
      throw new IllegalArgumentException("a flag counts at least one occurrence");
    }
    this.occurrences = occurrences;
    List<String> examples = List.copyOf(Objects.requireNonNull(maskedExamples, "examples"));
    if (examples.size() > MAX_EXAMPLES) {
      examples = examples.subList(0, MAX_EXAMPLES);
    }
    for (String e : examples) {
      if (e.contains("\n")) {
        throw new IllegalArgumentException("masked examples are single lines");
      }
    }
    this.maskedExamples = examples;
  }

  public PersonalDataKind kind() {
    return kind;
  }

  public long occurrences() {
    return occurrences;
  }

  public List<String> maskedExamples() {
    return List.copyOf(maskedExamples);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonalDataFlag f
        && kind == f.kind
        && occurrences == f.occurrences
        && maskedExamples.equals(f.maskedExamples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, occurrences, maskedExamples);
  }

  @Override
  public String toString() {
    return kind + " x" + occurrences + " " + maskedExamples;
  }
}
