package io.datamint.domain.model.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One column of the inferred schema with its statistics. Distinct values are counted exactly up to
 * a cap; beyond it {@link #distinctCapped()} says the count is a lower bound.
 */
@Embeddable
public class ColumnProfile {

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "name", length = 500, nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", length = 20, nullable = false)
  private ColumnType type;

  @Column(name = "missing", nullable = false)
  private long missing;

  // not "distinct": a JPQL keyword
  @Column(name = "distinct_values", nullable = false)
  private long distinctValues;

  @Column(name = "distinct_capped", nullable = false)
  private boolean distinctCapped;

  protected ColumnProfile() {
    // for JPA
  }

  public ColumnProfile(
      int position, String name, ColumnType type, long missing, long distinct, boolean capped) {
    if (position < 0 || missing < 0 || distinct < 0) {
      throw new IllegalArgumentException("position and counts must not be negative");
    }
    this.position = position;
    this.name = Objects.requireNonNull(name, "column name must not be null");
    this.type = Objects.requireNonNull(type, "column type must not be null");
    this.missing = missing;
    this.distinctValues = distinct;
    this.distinctCapped = capped;
  }

  public int position() {
    return position;
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  public long missing() {
    return missing;
  }

  public long distinct() {
    return distinctValues;
  }

  public boolean distinctCapped() {
    return distinctCapped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnProfile c
        && position == c.position
        && name.equals(c.name)
        && type == c.type
        && missing == c.missing
        && distinctValues == c.distinctValues
        && distinctCapped == c.distinctCapped;
  }

  @Override
  public int hashCode() {
    return Objects.hash(position, name, type, missing, distinctValues, distinctCapped);
  }

  @Override
  public String toString() {
    return name
        + ":"
        + type
        + " (missing "
        + missing
        + ", distinct "
        + distinctValues
        + (distinctCapped ? "+" : "")
        + ")";
  }
}
