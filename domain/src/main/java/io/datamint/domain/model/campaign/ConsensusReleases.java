package io.datamint.domain.model.campaign;

import java.util.List;
import java.util.Optional;

/** Which closed campaigns released their consensus, and which still wait. */
public interface ConsensusReleases {

  Optional<ConsensusRelease> find(CampaignId campaign);

  /** Closed campaigns without a release yet, the longest closed first. */
  List<CampaignId> awaiting(int limit);

  /** Records the outcome once; a second record for the campaign changes nothing. */
  void record(ConsensusRelease release);
}
