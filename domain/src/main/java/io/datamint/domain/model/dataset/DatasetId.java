package io.datamint.domain.model.dataset;

import java.util.Objects;
import java.util.UUID;

/** Identity of a dataset. Random, so that ids reveal nothing about order or volume. */
public record DatasetId(UUID value) {

  public DatasetId {
    Objects.requireNonNull(value, "dataset id must not be null");
  }

  public static DatasetId newId() {
    return new DatasetId(UUID.randomUUID());
  }

  public static DatasetId of(String value) {
    Objects.requireNonNull(value, "dataset id must not be null");
    try {
      return new DatasetId(UUID.fromString(value.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a dataset id: " + value, e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
