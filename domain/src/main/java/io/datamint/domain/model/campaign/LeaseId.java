package io.datamint.domain.model.campaign;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one lease of a task to a labeler. A submission carries it, which is what makes a replayed
 * submission recognisable (same lease, same label) and a late one refusable (the lease expired).
 */
public record LeaseId(UUID value) {

  public LeaseId {
    Objects.requireNonNull(value, "lease id must not be null");
  }

  public static LeaseId random() {
    return new LeaseId(UUID.randomUUID());
  }

  /**
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static LeaseId parse(String text) {
    try {
      return new LeaseId(UUID.fromString(Objects.requireNonNull(text, "lease id")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a lease id: " + text, e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
