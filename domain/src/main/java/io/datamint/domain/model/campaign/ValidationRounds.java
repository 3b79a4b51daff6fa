package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The campaign side of validation: rounds, the labels each decides, the decisions on labels, the
 * consensus per item, and the reads the owner and the labelers need. Callers run these in a
 * transaction. The adapter keeps, whatever the callers do:
 *
 * <ul>
 *   <li>at most one round IN_FLIGHT per campaign;
 *   <li>a decided label (ACCEPTED or REJECTED) is never changed again: {@link #decide} changes
 *       PENDING labels only, and the database refuses any other change of a decided status.
 * </ul>
 */
public interface ValidationRounds {

  /**
   * Campaigns that may have a round to start: a PENDING label on a complete item (or any PENDING
   * label once CLOSED), and no round in flight. {@link RoundPlan} decides.
   */
  List<CampaignId> campaignsWithDecidableLabels(int limit);

  /** Serialises round starts of one campaign for the rest of the transaction. */
  void lockCampaign(CampaignId campaign);

  /** Every label of the campaign, oldest first. */
  List<SubmittedLabel> labelsOf(CampaignId campaign);

  /** Regular items with all their k labels. */
  Set<ItemId> completeItems(CampaignId campaign);

  /** The gold items' answers. */
  Map<ItemId, List<String>> goldAnswers(CampaignId campaign);

  /** The items (with where their content is) of the campaign, by id. */
  List<Item> items(CampaignId campaign, Collection<ItemId> ids);

  Optional<ValidationRound> latestRound(CampaignId campaign);

  /** Rounds that failed since the last applied one. */
  int failedInARow(CampaignId campaign);

  /** Records a round with the labels it decides. */
  void add(ValidationRound round, Collection<LeaseId> decides);

  /** Rounds in flight, oldest first, any campaign. */
  List<ValidationRound> inFlight(int limit);

  /** The round, locked for the rest of the transaction. */
  Optional<ValidationRound> lockRound(CampaignId campaign, int number);

  void store(ValidationRound round);

  /** The round's labels that are still PENDING. */
  List<SubmittedLabel> pendingOf(CampaignId campaign, int number);

  /**
   * Sets a PENDING label's quality and status, with the round that decided it.
   *
   * @return false when the label was decided already (it is left as it is)
   */
  boolean decide(LeaseId label, LabelStatus status, double quality, int round, Instant now);

  /** The item's consensus as of the round. */
  void recordConsensus(
      CampaignId campaign, ItemId item, List<String> consensus, double confidence, int round);

  ValidationCounts counts(CampaignId campaign);

  /** The campaign's items in order, with their labels' fate and consensus. */
  List<ItemOutcome> outcomes(CampaignId campaign, long offset, int limit);

  /** The labeler's labels with their quality, newest first, in one campaign or all. */
  List<ScoredLabel> scoredLabelsBy(LabelerId labeler, Optional<CampaignId> campaign, int limit);

  /** How the labeler's labels in the campaign fared. */
  LabelTally tally(CampaignId campaign, LabelerId labeler);

  /**
   * Counts of one labeler's labels in one campaign.
   *
   * @param meanQuality mean quality of the decided ones, if any
   */
  record LabelTally(
      long given,
      long gold,
      long accepted,
      long rejected,
      long pending,
      OptionalDouble meanQuality) {}
}
