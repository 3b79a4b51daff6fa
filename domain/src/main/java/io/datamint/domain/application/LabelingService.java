package io.datamint.domain.application;

import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.ItemContents;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LabelerStanding;
import io.datamint.domain.model.campaign.LabelerStandings;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.campaign.TaskQueue;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases of labelers (flow 2, the labeler's side): get the next task, see its content, label it,
 * skip it, list one's labels. The assignment rules under concurrency are the {@link TaskQueue}'s;
 * the rules about people and states are here:
 *
 * <ul>
 *   <li>the dataset's owner never gets a task of their own campaign;
 *   <li>tasks are handed out while the campaign is OPEN and before its deadline; a labeler who
 *       holds a live lease gets the same task again (one task at a time per campaign);
 *   <li>a labeler first answers the campaign's qualification round: Q gold items and nothing else
 *       ({@link io.datamint.domain.model.campaign.QualificationRule}); failing it blocks them from
 *       the campaign, and so does validation when their reliability is far below the bar;
 *   <li>a blocked labeler gets no task and can submit no label ({@link LabelerBlockedException},
 *       with the reason);
 *   <li>one task in {@code goldEvery} is a gold item while the labeler has gold items left; gold
 *       alone is never handed out (there must be paid work left);
 *   <li>a label is taken under a live lease of the caller; a replay of the same label returns the
 *       label already recorded, a different one is refused; an expired lease is refused.
 * </ul>
 */
@ApplicationScoped
@Transactional
public class LabelingService {

  private static final Logger LOG = Logger.getLogger(LabelingService.class.getName());

  private CampaignRepository campaigns;
  private TaskQueue queue;
  private DatasetRepository datasets;
  private ItemContents contents;
  private LabelerStandings standings;
  private Clock clock;

  /** The lease does not exist or is someone else's. */
  public static class UnknownLeaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownLeaseException(LeaseId id) {
      super("no task under lease " + id);
    }
  }

  /** The lease ran out before the label came; the item went back to the queue. */
  public static class LeaseExpiredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public LeaseExpiredException(Lease lease) {
      super(
          "the lease "
              + lease.id()
              + " expired at "
              + lease.expiresAt()
              + " and the item went back to the queue; fetch the next task");
    }
  }

  /** The labeler is blocked from the campaign; the message says why. */
  public static class LabelerBlockedException extends NotPermittedException {
    private static final long serialVersionUID = 1L;

    public LabelerBlockedException(String reason) {
      super("you are blocked from this campaign: " + reason);
    }
  }

  /** A task handed to a labeler: the lease and the campaign it belongs to. */
  public record Task(Lease lease, Campaign campaign) {}

  protected LabelingService() {
    // for CDI proxies
  }

  @Inject
  public LabelingService(
      CampaignRepository campaigns,
      TaskQueue queue,
      DatasetRepository datasets,
      ItemContents contents,
      LabelerStandings standings,
      Clock clock) {
    this.campaigns = campaigns;
    this.queue = queue;
    this.datasets = datasets;
    this.contents = contents;
    this.standings = standings;
    this.clock = clock;
  }

  /**
   * The labeler's next task in the campaign: the one they hold, or a new lease.
   *
   * @return empty when nothing is left for this labeler
   * @throws UnknownCampaignException when the campaign is not open to labelers
   * @throws NotPermittedException for the dataset's owner
   * @throws LabelerBlockedException when the labeler is blocked from the campaign (the block is
   *     kept: it is recorded here when the qualification round can no longer be finished)
   * @throws IllegalStateException when the campaign is paused, closed or past its deadline
   */
  @Transactional(dontRollbackOn = LabelerBlockedException.class)
  public Optional<Task> next(CampaignId id, LabelerId labeler) {
    Campaign campaign = visible(id);
    if (labeler.is(campaign.owner())) {
      throw new NotPermittedException(
          "the dataset's owner cannot label in their own campaign: labels must be independent");
    }
    Instant now = clock.instant();
    if (campaign.state() == CampaignState.CLOSED) {
      throw new IllegalStateException("the campaign is closed");
    }
    queue.lockLabeler(id, labeler);
    LabelerStanding standing = standings.lock(id, labeler, campaign.qualification(), now);
    refuseBlocked(standing);
    Optional<Lease> held = queue.liveLease(id, labeler, now);
    if (held.isPresent()) {
      return Optional.of(new Task(held.get(), campaign));
    }
    if (campaign.state() == CampaignState.PAUSED) {
      throw new IllegalStateException("the campaign is paused; try again later");
    }
    if (!campaign.handsOutTasks(now)) {
      throw new IllegalStateException("the campaign ended at " + campaign.deadline());
    }
    if (standing.isQualifying()) {
      return qualificationTask(campaign, standing, now);
    }
    Optional<Lease> lease = Optional.empty();
    if (isGoldTurn(campaign, queue.answeredBy(id, labeler))) {
      // only while paid work is left: a labeler must not be kept busy with checks alone
      if (queue.hasPaidWorkLeft(id, now)) {
        lease = queue.leaseGold(id, labeler, now, campaign.lease());
      }
    }
    if (lease.isEmpty()) {
      lease = queue.leaseRegular(id, labeler, now, campaign.lease());
    }
    lease.ifPresent(
        l -> LOG.fine(() -> "campaign " + id + ": " + l.item().id() + " leased to " + labeler));
    return lease.map(l -> new Task(l, campaign));
  }

  /**
   * While qualifying, gold items only, and only while there is paid work to qualify for. A labeler
   * who let gold tasks expire or skipped them may run out of gold items before Q answers: the round
   * can no longer be finished, which blocks them like a failed one.
   */
  private Optional<Task> qualificationTask(
      Campaign campaign, LabelerStanding standing, Instant now) {
    CampaignId id = campaign.id();
    if (!queue.hasPaidWorkLeft(id, now)) {
      return Optional.empty();
    }
    Optional<Lease> gold = queue.leaseGold(id, standing.labeler(), now, campaign.lease());
    if (gold.isEmpty()) {
      standing.block(
          "the qualification round cannot be finished: "
              + standing.qualificationAnswered()
              + " of "
              + campaign.qualificationItems()
              + " qualification items answered and no other is left for you (skipped or"
              + " expired ones are not handed out again)",
          now);
      standings.store(standing);
      refuseBlocked(standing);
    }
    gold.ifPresent(
        l -> LOG.fine(() -> "campaign " + id + ": qualification item leased to " + l.labeler()));
    return gold.map(l -> new Task(l, campaign));
  }

  private static void refuseBlocked(LabelerStanding standing) {
    if (standing.isBlocked()) {
      throw new LabelerBlockedException(standing.blockReason().orElse("no reason recorded"));
    }
  }

  /** Whether the labeler's next answer (number {@code answered + 1}) should be a gold item. */
  static boolean isGoldTurn(Campaign campaign, long answered) {
    return campaign.goldEvery() > 0 && (answered + 1) % campaign.goldEvery() == 0;
  }

  /**
   * The content of the item under the caller's live lease, decrypted for them. The transaction (and
   * its pooled connection) lasts while the item is fetched: a ranged read of the item's own chunks,
   * a few small requests to IPFS whatever the item's position (under load, before ranged reads,
   * decrypting from the start of the file made this hold the pool: docs/benchmarks.md).
   *
   * @throws UnknownLeaseException when the lease is not the caller's
   * @throws LeaseExpiredException when it is no longer live
   */
  public TaskContent content(LeaseId id, LabelerId labeler) {
    Lease lease = own(queue.lockLease(id), id, labeler);
    if (!lease.isLive(clock.instant())) {
      if (lease.state() != Lease.LeaseState.ACTIVE) {
        throw new IllegalStateException("the task was " + lease.state().name().toLowerCase());
      }
      throw new LeaseExpiredException(lease);
    }
    Campaign campaign = visible(lease.campaign());
    Dataset dataset =
        datasets
            .find(campaign.dataset())
            .orElseThrow(() -> new IllegalStateException("the campaign's dataset is gone"));
    return contents.contentOf(dataset, dataset.version(campaign.versionNumber()), lease.item());
  }

  /**
   * Records the caller's label for the task under the lease.
   *
   * @return the label, the same one when the submission is a replay
   * @throws UnknownLeaseException when the lease is not the caller's
   * @throws IllegalArgumentException when the labels do not fit the campaign's schema
   * @throws LabelerBlockedException when the labeler was blocked while holding the task
   * @throws LeaseExpiredException when the lease ran out
   * @throws IllegalStateException when the task was skipped, labeled differently, or the campaign
   *     takes no labels
   */
  public SubmittedLabel submit(LeaseId id, LabelerId labeler, List<String> labels) {
    Lease lease = own(queue.lockLease(id), id, labeler);
    Campaign campaign = visible(lease.campaign());
    List<String> answer = campaign.schema().check(labels);
    Optional<SubmittedLabel> given = queue.labelOf(id);
    if (given.isPresent()) {
      if (given.get().labels().equals(answer)) {
        return given.get();
      }
      throw new IllegalStateException(
          "this task was labeled " + given.get().labels() + " already; a label cannot be changed");
    }
    if (lease.state() == Lease.LeaseState.SKIPPED) {
      throw new IllegalStateException("the task was skipped; fetch the next task");
    }
    if (!campaign.state().acceptsLabels()) {
      throw new IllegalStateException(
          "the campaign is " + campaign.state() + "; it takes no labels");
    }
    Instant now = clock.instant();
    if (!lease.isLive(now)) {
      throw new LeaseExpiredException(lease);
    }
    LabelerStanding standing =
        standings.lock(campaign.id(), labeler, campaign.qualification(), now);
    refuseBlocked(standing);
    Boolean goldCorrect =
        lease.gold()
            ? queue.goldAnswer(campaign.id(), lease.item().id()).map(answer::equals).orElse(false)
            : null;
    SubmittedLabel label = queue.recordLabel(lease, answer, goldCorrect, now);
    if (lease.gold() && standing.isQualifying()) {
      var outcome = standing.answeredQualification(goldCorrect, campaign.qualification(), now);
      standings.store(standing);
      LOG.info(() -> "campaign " + campaign.id() + ": " + labeler + " qualification " + outcome);
    }
    LOG.fine(
        () -> "campaign " + campaign.id() + ": " + lease.item().id() + " labeled by " + labeler);
    return label;
  }

  /**
   * Gives the task back; the caller will not get this item again. Skipping twice is harmless.
   *
   * @throws UnknownLeaseException when the lease is not the caller's
   * @throws LeaseExpiredException when the lease ran out
   * @throws IllegalStateException when the task was labeled
   */
  public void skip(LeaseId id, LabelerId labeler) {
    Lease lease = own(queue.lockLease(id), id, labeler);
    if (lease.state() == Lease.LeaseState.SKIPPED) {
      return;
    }
    if (lease.state() == Lease.LeaseState.LABELED) {
      throw new IllegalStateException("the task was labeled; it cannot be skipped");
    }
    if (!lease.isLive(clock.instant())) {
      throw new LeaseExpiredException(lease);
    }
    queue.recordSkip(lease, clock.instant());
  }

  /** The caller's labels, newest first, in one campaign or all. */
  public List<SubmittedLabel> labelsOf(
      LabelerId labeler, Optional<CampaignId> campaign, int limit) {
    return queue.labelsBy(labeler, campaign, limit);
  }

  private static Lease own(Optional<Lease> found, LeaseId id, LabelerId labeler) {
    return found
        .filter(l -> l.labeler().equals(labeler))
        .orElseThrow(() -> new UnknownLeaseException(id));
  }

  private Campaign visible(CampaignId id) {
    Campaign campaign = campaigns.find(id).orElseThrow(() -> new UnknownCampaignException(id));
    if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.FUNDING) {
      throw new UnknownCampaignException(id);
    }
    return campaign;
  }
}
