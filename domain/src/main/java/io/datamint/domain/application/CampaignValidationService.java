package io.datamint.domain.application;

import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.model.campaign.BlockingPolicy;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.ItemContents;
import io.datamint.domain.model.campaign.ItemOutcome;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LabelerStanding;
import io.datamint.domain.model.campaign.LabelerStandings;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.domain.model.campaign.QualificationRule;
import io.datamint.domain.model.campaign.RoundPlan;
import io.datamint.domain.model.campaign.RoundState;
import io.datamint.domain.model.campaign.RoundVerdicts;
import io.datamint.domain.model.campaign.ScoredLabel;
import io.datamint.domain.model.campaign.StandingState;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.campaign.ValidationBatches;
import io.datamint.domain.model.campaign.ValidationCounts;
import io.datamint.domain.model.campaign.ValidationRound;
import io.datamint.domain.model.campaign.ValidationRounds;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobQueue;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Validation of campaign labels through the worker pool (flow 3), in rounds, and what labelers and
 * owners read of it. One short transaction per method:
 *
 * <ul>
 *   <li>{@link #startRound}: if {@link RoundPlan} says a round is due, builds its job from all the
 *       campaign's labels, the gold answers and (single-label text items) the item texts, queues it
 *       under the key {@code campaign/<id>/round/<n>} and records the round with the labels it
 *       decides — the job and the round commit together, and a second start of the same round finds
 *       the job already queued;
 *   <li>{@link #settle}: once the job is DONE applies its result in one transaction — quality and
 *       ACCEPTED/REJECTED for the round's labels that are still PENDING and whose item's consensus
 *       is sure (decisions are final; the others wait for a later round, see {@link
 *       RoundVerdicts}), consensus per item, reliability per labeler, and blocks labelers far below
 *       the bar ({@link BlockingPolicy}); a FAILED job (after the queue's own retries) fails the
 *       round visibly, and its labels go into a later round.
 * </ul>
 */
@ApplicationScoped
@Transactional
public class CampaignValidationService {

  private static final Logger LOG = Logger.getLogger(CampaignValidationService.class.getName());

  /**
   * Above this many items a round carries no item texts, and agreement and gold alone score the
   * labels. Reading the texts is one pass over the version (CSV) or a ranged read per item; the
   * bound is the workers' embedding: about 270 texts/s on two CPU cores, so 20,000 new texts cost a
   * CPU worker some 75 s once (embeddings are cached for later rounds), a GPU worker well under a
   * second (docs/benchmarks.md).
   */
  static final int MAX_TEXTS = 20_000;

  private CampaignRepository campaigns;
  private ValidationRounds rounds;
  private LabelerStandings standings;
  private ValidationJobQueue jobs;
  private DatasetRepository datasets;
  private ItemContents contents;
  private Clock clock;
  private BlockingPolicy blocking = BlockingPolicy.STANDARD;

  /**
   * A labeler's standing in a campaign as they (and the owner) see it.
   *
   * @param qualificationItems Q (0: no qualification round)
   * @param qualificationNeeded right answers needed of Q
   */
  public record Standing(
      Campaign campaign,
      StandingState state,
      Optional<String> blockReason,
      int qualificationItems,
      int qualificationAnswered,
      int qualificationCorrect,
      int qualificationNeeded,
      OptionalDouble reliability,
      int reliabilityLabels,
      ValidationRounds.LabelTally labels) {}

  protected CampaignValidationService() {
    // for CDI proxies
  }

  @Inject
  public CampaignValidationService(
      CampaignRepository campaigns,
      ValidationRounds rounds,
      LabelerStandings standings,
      ValidationJobQueue jobs,
      DatasetRepository datasets,
      ItemContents contents,
      Clock clock) {
    this.campaigns = campaigns;
    this.rounds = rounds;
    this.standings = standings;
    this.jobs = jobs;
    this.datasets = datasets;
    this.contents = contents;
    this.clock = clock;
  }

  // --- rounds, for the worker ---

  /** Campaigns that may need a round ({@link #startRound} decides). */
  public List<CampaignId> campaignsToValidate(int limit) {
    return rounds.campaignsWithDecidableLabels(limit);
  }

  /**
   * Starts the campaign's next validation round if one is due.
   *
   * @return the round started, empty when none was due
   */
  public Optional<ValidationRound> startRound(CampaignId id) {
    Campaign campaign = find(id);
    rounds.lockCampaign(id);
    Instant now = clock.instant();
    Optional<ValidationRound> latest = rounds.latestRound(id);
    Optional<RoundPlan> plan =
        RoundPlan.next(
            campaign.state(),
            rounds.labelsOf(id),
            rounds.completeItems(id),
            latest,
            rounds.failedInARow(id),
            now);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    int number = latest.map(r -> r.number() + 1).orElse(1);
    Map<ItemId, String> texts =
        campaign.schema().mode() == LabelMode.SINGLE ? texts(campaign, plan.get()) : Map.of();
    ValidationBatch batch =
        ValidationBatches.build(
            id,
            number,
            campaign.schema(),
            campaign.qualityThreshold(),
            plan.get().batch(),
            rounds.goldAnswers(id),
            texts);
    ValidationJobId job = jobs.enqueue(batch);
    ValidationRound round =
        ValidationRound.started(
            id, number, job, plan.get().batch().size(), plan.get().decides().size(), now);
    rounds.add(round, plan.get().decides().stream().map(SubmittedLabel::lease).toList());
    LOG.info(
        () ->
            "campaign "
                + id
                + ": validation round "
                + number
                + " queued as job "
                + job
                + " ("
                + round.batchLabels()
                + " labels, "
                + round.decides()
                + " to decide, "
                + texts.size()
                + " texts)");
    return Optional.of(round);
  }

  /** The texts of the batch's items, where the content is text (records: their fields). */
  private Map<ItemId, String> texts(Campaign campaign, RoundPlan plan) {
    Set<ItemId> ids = new LinkedHashSet<>();
    plan.batch().forEach(l -> ids.add(l.item()));
    if (ids.size() > MAX_TEXTS) {
      return Map.of();
    }
    Optional<Dataset> dataset = datasets.find(campaign.dataset());
    if (dataset.isEmpty()) {
      return Map.of();
    }
    DatasetVersion version = dataset.get().version(campaign.versionNumber());
    Map<ItemId, String> texts = new LinkedHashMap<>();
    List<Item> items = rounds.items(campaign.id(), ids);
    Map<ItemId, TaskContent> contentOfItems;
    try {
      contentOfItems = contents.contentsOf(dataset.get(), version, items);
    } catch (RuntimeException e) {
      // e.g. a format not served yet: the round is scored from agreement and gold alone
      LOG.fine(() -> "campaign " + campaign.id() + ": no texts (" + e.getMessage() + ")");
      return Map.of();
    }
    for (Item item : items) {
      TaskContent content = contentOfItems.get(item.id());
      switch (content.kind()) {
        case TEXT -> texts.put(item.id(), content.text());
        case FIELDS ->
            texts.put(
                item.id(),
                content.fields().entrySet().stream()
                    .map(f -> f.getKey() + ": " + f.getValue())
                    .collect(Collectors.joining("\n")));
        case IMAGE -> {
          return Map.of();
        }
      }
    }
    return texts;
  }

  /** Rounds whose job may have finished, oldest first. */
  public List<ValidationRound> roundsInFlight(int limit) {
    return rounds.inFlight(limit);
  }

  /**
   * Looks at the round's job and, when it is DONE, applies its result; when it FAILED, fails the
   * round.
   *
   * @return the round's state afterwards, empty when there is no such round
   */
  public Optional<RoundState> settle(CampaignId id, int number) {
    Optional<ValidationRound> found = rounds.lockRound(id, number);
    if (found.isEmpty() || found.get().state() != RoundState.IN_FLIGHT) {
      return found.map(ValidationRound::state);
    }
    ValidationRound round = found.get();
    Instant now = clock.instant();
    Optional<ValidationJobStatus> status = jobs.status(round.job());
    if (status.isEmpty()) {
      round.failed("validation job " + round.job() + " is gone", now);
    } else {
      switch (status.get()) {
        case PENDING, RUNNING -> {
          return Optional.of(RoundState.IN_FLIGHT);
        }
        case FAILED ->
            round.failed(
                "validation job "
                    + round.job()
                    + " failed after its retries (the workers' log says why); its labels go into"
                    + " a later round",
                now);
        case DONE -> {
          ValidationResult result =
              jobs.result(round.job())
                  .orElseThrow(() -> new IllegalStateException("job " + round.job() + " lost"));
          apply(round, result, now);
        }
      }
    }
    rounds.store(round);
    if (round.state() == RoundState.FAILED) {
      LOG.warning(
          () -> "campaign " + id + ": round " + number + " failed: " + round.message().orElse(""));
    }
    return Optional.of(round.state());
  }

  private void apply(ValidationRound round, ValidationResult result, Instant now) {
    Campaign campaign = find(round.campaign());
    List<SubmittedLabel> decides = rounds.pendingOf(campaign.id(), round.number());
    RoundVerdicts verdicts =
        RoundVerdicts.read(
            campaign.schema(),
            campaign.qualityThreshold(),
            decides,
            result,
            campaign.state() == CampaignState.CLOSED);
    int accepted = 0;
    int rejected = 0;
    for (RoundVerdicts.LabelVerdict v : verdicts.labels()) {
      if (rounds.decide(v.lease(), v.status(), v.quality(), round.number(), now)) {
        if (v.status() == LabelStatus.ACCEPTED) {
          accepted++;
        } else {
          rejected++;
        }
      }
    }
    for (RoundVerdicts.ItemVerdict i : verdicts.items()) {
      rounds.recordConsensus(
          campaign.id(), i.item(), i.consensus(), i.confidence(), round.number());
    }
    QualificationRule rule = campaign.qualification();
    // in labeler order, so that two applications never lock standings in opposite orders
    List<RoundVerdicts.LabelerVerdict> labelers =
        verdicts.labelers().stream()
            .sorted(Comparator.comparing(l -> l.labeler().value()))
            .toList();
    for (RoundVerdicts.LabelerVerdict l : labelers) {
      LabelerStanding standing = standings.lock(campaign.id(), l.labeler(), rule, now);
      standing.rated(l.reliability(), l.labels(), now);
      if (!standing.isBlocked()) {
        blocking
            .reasonToBlock(l.reliability(), l.labels(), campaign.qualityThreshold())
            .ifPresent(
                reason -> {
                  standing.block(reason, now);
                  LOG.info(
                      () ->
                          "campaign " + campaign.id() + ": " + l.labeler() + " blocked: " + reason);
                });
      }
      standings.store(standing);
    }
    List<LeaseId> missing = verdicts.missing();
    int deferred = verdicts.deferred().size();
    round.applied(accepted, rejected, missing.size(), deferred, now);
    int a = accepted;
    int r = rejected;
    LOG.info(
        () ->
            "campaign "
                + campaign.id()
                + ": round "
                + round.number()
                + " applied: "
                + a
                + " accepted, "
                + r
                + " rejected, "
                + deferred
                + " deferred, "
                + missing.size()
                + " not scored");
  }

  // --- reading ---

  /**
   * The labeler's standing in a campaign open to labelers; before their first task it is how they
   * would start.
   *
   * @throws UnknownCampaignException when the campaign is not visible to labelers
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Standing standing(CampaignId id, LabelerId labeler) {
    Campaign campaign = published(id);
    QualificationRule rule = campaign.qualification();
    LabelerStanding standing =
        standings
            .find(id, labeler)
            .orElseGet(() -> LabelerStanding.start(id, labeler, rule, clock.instant()));
    return new Standing(
        campaign,
        standing.state(),
        standing.blockReason(),
        rule.items(),
        standing.qualificationAnswered(),
        standing.qualificationCorrect(),
        rule.needed(),
        standing.reliability(),
        standing.reliabilityLabels(),
        rounds.tally(id, labeler));
  }

  /** Where validation of the campaign stands (the caller has checked the campaign is visible). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ValidationCounts counts(CampaignId id) {
    return rounds.counts(id);
  }

  /**
   * The campaign's items with their labels' fate and consensus, for the owner (and admins).
   *
   * @throws UnknownCampaignException when there is no such campaign for the caller
   * @throws NotPermittedException when the caller is a labeler: nobody sees others' answers
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ItemOutcome> items(
      CampaignId id, ContributorId viewer, boolean admin, long offset, int limit) {
    owned(id, viewer, admin);
    return rounds.outcomes(id, Math.max(0, offset), Math.max(1, limit));
  }

  /**
   * Every labeler's standing in the campaign, for the owner (and admins).
   *
   * @throws NotPermittedException for anybody else
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LabelerStanding> labelers(CampaignId id, ContributorId viewer, boolean admin) {
    owned(id, viewer, admin);
    return standings.of(id);
  }

  /** The labeler's labels with their quality, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ScoredLabel> labelsOf(LabelerId labeler, Optional<CampaignId> campaign, int limit) {
    return rounds.scoredLabelsBy(labeler, campaign, limit);
  }

  private Campaign owned(CampaignId id, ContributorId viewer, boolean admin) {
    Campaign campaign = find(id);
    if (admin || campaign.isOwnedBy(viewer)) {
      return campaign;
    }
    if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.FUNDING) {
      throw new UnknownCampaignException(id);
    }
    throw new NotPermittedException(
        "only the campaign's owner (or an admin) sees its items: labelers never see each other's"
            + " answers");
  }

  private Campaign published(CampaignId id) {
    Campaign campaign = find(id);
    if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.FUNDING) {
      throw new UnknownCampaignException(id);
    }
    return campaign;
  }

  private Campaign find(CampaignId id) {
    return campaigns.find(id).orElseThrow(() -> new UnknownCampaignException(id));
  }
}
