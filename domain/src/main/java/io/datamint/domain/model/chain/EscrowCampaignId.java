package io.datamint.domain.model.chain;

import java.util.Objects;
import java.util.UUID;

/** Names a labeling campaign's budget in the reward escrow; derived from the campaign's UUID. */
public record EscrowCampaignId(UUID campaign) {

  public EscrowCampaignId {
    Objects.requireNonNull(campaign, "campaign must not be null");
  }

  public static EscrowCampaignId of(UUID campaign) {
    return new EscrowCampaignId(campaign);
  }

  @Override
  public String toString() {
    return campaign.toString();
  }
}
