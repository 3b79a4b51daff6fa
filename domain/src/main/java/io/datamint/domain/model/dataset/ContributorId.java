package io.datamint.domain.model.dataset;

import java.util.Objects;

/**
 * The account that owns a dataset, as the identity provider names it (the OIDC subject). Kept
 * opaque: the dataset aggregate only compares owners, it never interprets them.
 */
public record ContributorId(String value) {

  public ContributorId {
    Objects.requireNonNull(value, "contributor id must not be null");
    value = value.trim();
    if (value.isEmpty() || value.length() > 255) {
      throw new IllegalArgumentException("contributor id must have 1 to 255 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
