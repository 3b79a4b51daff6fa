package io.datamint.domain.model.campaign;

import java.util.Objects;
import java.util.UUID;

/** Identity of a labeling campaign; also names its budget in the reward escrow. */
public record CampaignId(UUID value) {

  public CampaignId {
    Objects.requireNonNull(value, "campaign id must not be null");
  }

  public static CampaignId random() {
    return new CampaignId(UUID.randomUUID());
  }

  /**
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static CampaignId parse(String text) {
    try {
      return new CampaignId(UUID.fromString(Objects.requireNonNull(text, "campaign id")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a campaign id: " + text, e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
