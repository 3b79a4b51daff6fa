package io.datamint.domain.model.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where labelers' standings live. Callers run these in a transaction; {@link #lock} holds the row
 * until it ends, so the labeling use cases and validation never overwrite each other's change.
 */
public interface LabelerStandings {

  /**
   * The labeler's standing, locked for the rest of the transaction; created (QUALIFYING or
   * QUALIFIED by {@code rule}) on the labeler's first request.
   */
  LabelerStanding lock(CampaignId campaign, LabelerId labeler, QualificationRule rule, Instant now);

  Optional<LabelerStanding> find(CampaignId campaign, LabelerId labeler);

  /** Every labeler's standing in the campaign, blocked ones first, then by labeler. */
  List<LabelerStanding> of(CampaignId campaign);

  /** Writes a standing read with {@link #lock}. */
  void store(LabelerStanding standing);
}
