package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.Item;
import java.time.Instant;
import java.util.Objects;

/**
 * A task held by one labeler: an item of the campaign until {@code expiresAt}. Whether it is a gold
 * item is known to the platform only; labelers are never told.
 *
 * @param item the item, with where to find its content in the version's file
 */
public record Lease(
    LeaseId id,
    CampaignId campaign,
    Item item,
    LabelerId labeler,
    boolean gold,
    Instant leasedAt,
    Instant expiresAt,
    LeaseState state) {

  public Lease {
    Objects.requireNonNull(id, "lease id must not be null");
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(item, "item must not be null");
    Objects.requireNonNull(labeler, "labeler must not be null");
    Objects.requireNonNull(leasedAt, "lease time must not be null");
    Objects.requireNonNull(expiresAt, "expiry must not be null");
    Objects.requireNonNull(state, "lease state must not be null");
  }

  /** Whether it can still be labeled or skipped at {@code now}. */
  public boolean isLive(Instant now) {
    return state == LeaseState.ACTIVE && now.isBefore(expiresAt);
  }

  /** Where a lease stands. */
  public enum LeaseState {
    /** Held; expires at {@code expiresAt} unless labeled or skipped before. */
    ACTIVE,
    LABELED,
    SKIPPED
  }
}
