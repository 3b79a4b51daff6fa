package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The items of campaigns and who labels them. Each regular item has k slots; a slot is free, leased
 * until a time, or labeled. The adapter keeps, under any number of concurrent callers:
 *
 * <ul>
 *   <li>a slot is leased to one labeler at a time (a lease that expired frees it again);
 *   <li>a labeler never gets an item they hold, labeled or skipped before, so an item's k labels
 *       come from k distinct labelers;
 *   <li>a labeler holds at most one live lease per campaign;
 *   <li>one label per lease and per labeler and item: a submission replayed with its lease id finds
 *       the label already given.
 * </ul>
 *
 * Callers run these in a transaction; the adapter relies on row locks, not on the caller.
 */
public interface TaskQueue {

  /**
   * Queues every item of the dataset version for the campaign: k slots per regular item, the gold
   * items with their answers (not leased through slots).
   *
   * @return how many items were queued
   * @throws IllegalArgumentException when a gold item is not an item of the version
   */
  long create(
      CampaignId campaign, UUID versionId, int labelsPerItem, Map<ItemId, List<String>> gold);

  /**
   * Serialises the labeler's requests in the campaign for the rest of the transaction: two
   * concurrent requests of one labeler must not both find no live lease and lease two items. Call
   * it before {@link #liveLease} and leasing.
   */
  void lockLabeler(CampaignId campaign, LabelerId labeler);

  /** The labeler's live lease in the campaign, if any. */
  Optional<Lease> liveLease(CampaignId campaign, LabelerId labeler, Instant now);

  /**
   * Leases the first free slot (in item order, so that items complete early) of an item the labeler
   * never held, labeled or skipped; slots of expired leases count as free.
   */
  Optional<Lease> leaseRegular(
      CampaignId campaign, LabelerId labeler, Instant now, Duration duration);

  /** Leases a gold item the labeler never held, labeled or skipped. */
  Optional<Lease> leaseGold(CampaignId campaign, LabelerId labeler, Instant now, Duration duration);

  /** How many answers (regular and gold) the labeler gave in the campaign. */
  long answeredBy(CampaignId campaign, LabelerId labeler);

  /**
   * The lease, locked for the rest of the transaction so that a submission and a skip of the same
   * lease cannot both succeed.
   */
  Optional<Lease> lockLease(LeaseId lease);

  /** The label given under the lease, if any. */
  Optional<SubmittedLabel> labelOf(LeaseId lease);

  /**
   * Records the label of a live lease and marks its slot labeled. The caller has checked that the
   * lease is live and has no label yet, under {@link #lockLease}.
   *
   * @param goldCorrect for a gold item, whether the answer equals the known one; null otherwise
   */
  SubmittedLabel recordLabel(Lease lease, List<String> labels, Boolean goldCorrect, Instant now);

  /** Gives a live lease's slot back to the queue; the labeler will not get the item again. */
  void recordSkip(Lease lease, Instant now);

  /** The known answer of a gold item of the campaign. */
  Optional<List<String>> goldAnswer(CampaignId campaign, ItemId item);

  QueueCounts counts(CampaignId campaign, Instant now);

  /**
   * Whether paid work is left: a regular slot not labeled yet. Asked on every gold turn, so an
   * adapter answers it without counting the whole campaign; this default counts.
   */
  default boolean hasPaidWorkLeft(CampaignId campaign, Instant now) {
    return counts(campaign, now).remaining() > 0;
  }

  /** The labeler's labels, newest first. */
  List<SubmittedLabel> labelsBy(LabelerId labeler, Optional<CampaignId> campaign, int limit);

  /** Labels of the campaign, any labeler, oldest first (for the owner and validation). */
  List<SubmittedLabel> labelsOf(CampaignId campaign, int limit);

  /** Labels of the campaign still waiting for validation and settlement. */
  long unsettledLabels(CampaignId campaign);
}
