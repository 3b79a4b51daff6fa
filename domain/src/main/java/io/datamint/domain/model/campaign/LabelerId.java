package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ContributorId;
import java.util.Objects;

/**
 * A person who labels, as the identity provider names them (the OIDC subject), like {@link
 * ContributorId}: the same person is the same id in both roles, which is how the rule "never the
 * dataset's owner" can be checked.
 */
public record LabelerId(String value) {

  public LabelerId {
    Objects.requireNonNull(value, "labeler id must not be null");
    value = value.trim();
    if (value.isEmpty() || value.length() > 255) {
      throw new IllegalArgumentException("labeler id must have 1 to 255 characters");
    }
  }

  public boolean is(ContributorId contributor) {
    return value.equals(contributor.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
