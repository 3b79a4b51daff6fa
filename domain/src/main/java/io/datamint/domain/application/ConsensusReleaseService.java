package io.datamint.domain.application;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.campaign.ConsensusRelease;
import io.datamint.domain.model.campaign.ConsensusReleases;
import io.datamint.domain.model.campaign.ConsensusVersionPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * When a campaign is closed and validation has settled, its consensus labels become the next
 * version of the dataset (flow 2's end): the labeled file is written and published as the owner's
 * new version, which goes through processing and review, and on approval updates the data NFT's
 * metadata on chain like any version.
 *
 * <p>Safe to repeat and to crash anywhere: the new version's file name is derived from the
 * campaign, so a release that published its version but crashed before recording it finds that
 * version again instead of publishing a second one. Not transactional as a whole: the facts are
 * read in a short transaction of their own ({@link ConsensusCandidates}: no entity outlives it),
 * and publishing commits the new version on its own before the processing worker takes it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ConsensusReleaseService {

  private static final Logger LOG = Logger.getLogger(ConsensusReleaseService.class.getName());

  private ConsensusCandidates candidates;
  private ConsensusReleases releases;
  private ConsensusVersionPublisher publisher;
  private Clock clock;

  /** Where a campaign's release stands after an attempt. */
  public enum Outcome {
    RELEASED,
    SKIPPED,
    FAILED,
    /** Not yet: validation is still deciding, or the dataset is busy with another version. */
    WAITING
  }

  protected ConsensusReleaseService() {
    // for CDI proxies
  }

  @Inject
  public ConsensusReleaseService(
      ConsensusCandidates candidates,
      ConsensusReleases releases,
      ConsensusVersionPublisher publisher,
      Clock clock) {
    this.candidates = Objects.requireNonNull(candidates, "candidates must not be null");
    this.releases = Objects.requireNonNull(releases, "releases must not be null");
    this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /**
   * Attempts the release of every closed campaign still waiting; answers how many got an outcome.
   */
  public int releaseDue(int limit) {
    int done = 0;
    for (CampaignId id : releases.awaiting(limit)) {
      if (release(id) != Outcome.WAITING) {
        done++;
      }
    }
    return done;
  }

  /** Attempts the release of one campaign. */
  public Outcome release(CampaignId id) {
    Optional<ConsensusRelease> recorded = releases.find(id);
    if (recorded.isPresent()) {
      return Outcome.valueOf(recorded.get().state().name());
    }
    Optional<ConsensusCandidates.Candidate> ready = candidates.candidate(id);
    if (ready.isEmpty()) {
      return Outcome.WAITING;
    }
    ConsensusCandidates.Candidate candidate = ready.get();
    String fileName = candidate.fileName();
    List<ConsensusLabel> labels = candidate.labels();
    if (candidate.published().isPresent()) {
      // a previous attempt published it and stopped before recording (a crash)
      int version = candidate.published().getAsInt();
      return record(
          id,
          ConsensusRelease.State.RELEASED,
          fileName,
          OptionalInt.of(version),
          labels,
          "version " + version);
    }
    if (labels.isEmpty()) {
      return record(
          id,
          ConsensusRelease.State.SKIPPED,
          fileName,
          OptionalInt.empty(),
          labels,
          "no item reached a consensus");
    }
    int version;
    try {
      version = publisher.publish(candidate.source(), labels, fileName);
    } catch (UnsupportedOperationException e) {
      return record(
          id, ConsensusRelease.State.FAILED, fileName, OptionalInt.empty(), labels, e.getMessage());
    } catch (IllegalStateException busy) {
      LOG.info(() -> "campaign " + id + ": consensus waits: " + busy.getMessage());
      return Outcome.WAITING;
    }
    LOG.info(
        () ->
            "campaign "
                + id
                + ": consensus of "
                + labels.size()
                + " items published as version "
                + version
                + " of dataset "
                + candidate.source().dataset());
    return record(
        id,
        ConsensusRelease.State.RELEASED,
        fileName,
        OptionalInt.of(version),
        labels,
        "version " + version);
  }

  private Outcome record(
      CampaignId id,
      ConsensusRelease.State state,
      String fileName,
      OptionalInt version,
      List<ConsensusLabel> labels,
      String message) {
    releases.record(
        new ConsensusRelease(
            id, state, fileName, version, labels.size(), message, clock.instant()));
    return Outcome.valueOf(state.name());
  }

  /**
   * The consensus version's file name: the source's with the campaign's short id before the
   * extension ({@code reviews.csv} -> {@code reviews.consensus-1a2b3c4d.csv}); the extension still
   * says the format.
   */
  public static String fileName(String source, CampaignId campaign) {
    String tag = ".consensus-" + campaign.value().toString().substring(0, 8);
    int dot = source.lastIndexOf('.');
    return dot <= 0 ? source + tag : source.substring(0, dot) + tag + source.substring(dot);
  }
}
