package io.datamint.domain.model.campaign;

import java.util.List;

/** The consensus labels validation has reached in a campaign (flow 3), read for release. */
public interface CampaignConsensus {

  /**
   * Whether validation is done with the campaign: no label it will still decide is waiting. Only
   * then is the consensus final enough to be released as a version.
   */
  boolean settled(CampaignId campaign);

  /** The items with a consensus, in item order. */
  List<ConsensusLabel> labelsOf(CampaignId campaign);
}
