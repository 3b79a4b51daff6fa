package io.datamint.domain.application;

import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignConsensus;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.campaign.ConsensusSource;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a consensus release needs to know about a campaign, read in one short transaction: whether
 * it is ready (closed, validation settled), the version it labeled, a version already published
 * under the release's file name (a crash after publishing), and the consensus labels. Values only
 * leave it, no entities: {@link ConsensusReleaseService} publishes outside any transaction.
 */
@ApplicationScoped
@Transactional
public class ConsensusCandidates {

  private CampaignRepository campaigns;
  private DatasetRepository datasets;
  private CampaignConsensus consensus;

  /**
   * @param published the version already carrying {@code fileName}, if a previous attempt published
   *     it
   */
  public record Candidate(
      ConsensusSource source,
      String fileName,
      OptionalInt published,
      List<ConsensusLabel> labels) {}

  protected ConsensusCandidates() {
    // for CDI proxies
  }

  @Inject
  public ConsensusCandidates(
      CampaignRepository campaigns, DatasetRepository datasets, CampaignConsensus consensus) {
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns must not be null");
    this.datasets = Objects.requireNonNull(datasets, "datasets must not be null");
    this.consensus = Objects.requireNonNull(consensus, "consensus must not be null");
  }

  /** The campaign as a candidate for release; empty while it is not ready (open, or settling). */
  public Optional<Candidate> candidate(CampaignId id) {
    Campaign campaign =
        campaigns.find(id).orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
    if (campaign.state() != CampaignState.CLOSED || !consensus.settled(id)) {
      return Optional.empty();
    }
    Dataset dataset =
        datasets
            .find(campaign.dataset())
            .orElseThrow(() -> new IllegalStateException("campaign " + id + " has no dataset"));
    DatasetVersion source = dataset.version(campaign.versionNumber());
    String fileName = ConsensusReleaseService.fileName(source.fileName(), id);
    OptionalInt published =
        dataset.versions().stream()
            .filter(v -> v.fileName().equals(fileName))
            .mapToInt(DatasetVersion::number)
            .findFirst();
    return Optional.of(
        new Candidate(
            new ConsensusSource(
                dataset.id(),
                dataset.owner(),
                source.number(),
                source
                    .manifest()
                    .orElseThrow(() -> new IllegalStateException("the version was not inspected"))
                    .format()),
            fileName,
            published,
            consensus.labelsOf(id)));
  }
}
