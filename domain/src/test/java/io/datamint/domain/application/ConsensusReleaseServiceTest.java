package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.application.ConsensusReleaseService.Outcome;
import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignConsensus;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.CloseReason;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.campaign.ConsensusRelease;
import io.datamint.domain.model.campaign.ConsensusReleases;
import io.datamint.domain.model.campaign.ConsensusSource;
import io.datamint.domain.model.campaign.ConsensusVersionPublisher;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.SpdxLicense;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsensusReleaseServiceTest {

  private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  private static final ContributorId OWNER = new ContributorId("owner-subject");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private final PublishingFakes.Datasets datasets = new PublishingFakes.Datasets();
  private final PublishingService publishing = new PublishingService(datasets, clock);
  private final Map<CampaignId, Campaign> campaigns = new HashMap<>();
  private final Map<CampaignId, ConsensusRelease> recorded = new HashMap<>();
  private final List<String> published = new ArrayList<>();
  private boolean settled = true;
  private List<ConsensusLabel> labels;
  private RuntimeException publisherRefuses;

  private Campaign campaign;
  private ConsensusReleaseService service;

  @BeforeEach
  void setUp() {
    VersionRef v1 =
        publishing.startDataset(
            OWNER, new Listing("Reviews", "", SpdxLicense.of("CC0-1.0"), Set.of()), "reviews.csv");
    // an inspected first version that ends rejected (final): the dataset may take a version
    publishing.uploadCompleted(v1.dataset(), 1, 20);
    publishing.inspectionPassed(
        v1.dataset(),
        1,
        PublishingFakes.manifestOf("text\nfine\nawful\n".getBytes(StandardCharsets.UTF_8)));
    publishing.processingFailed(
        v1.dataset(), 1, RejectionReason.of(RejectionCode.EMPTY_FILE, "for the test"));
    campaign =
        new Campaign(
            CampaignId.random(),
            OWNER,
            v1.dataset(),
            1,
            v1.versionId(),
            2,
            new CampaignTerms(
                "Sentiment",
                LabelSchema.single("good", "bad"),
                "Pick one.",
                1,
                List.of(),
                0,
                TokenAmount.ofTokens("1"),
                0.5,
                TokenAmount.ofTokens("2"),
                NOW.plus(Duration.ofDays(1)),
                Duration.ofMinutes(5)),
            NOW);
    campaigns.put(campaign.id(), campaign);
    labels =
        List.of(
            new ConsensusLabel(
                new ItemId("0123456789abcdef-000001"), "line 2", List.of("good"), 0.97),
            new ConsensusLabel(
                new ItemId("0123456789abcdef-000002"), "line 3", List.of("bad"), 0.81));
    service =
        new ConsensusReleaseService(
            new ConsensusCandidates(campaignRepository(), datasets, consensus()),
            releases(),
            publisher(),
            clock);
  }

  private void close() {
    campaign.close(CloseReason.BY_OWNER, null, NOW);
  }

  @Test
  void anOpenCampaignWaits() {
    assertThat(service.release(campaign.id())).isEqualTo(Outcome.WAITING);
    assertThat(published).isEmpty();
  }

  @Test
  void aClosedCampaignWaitsForValidationToSettle() {
    close();
    settled = false;

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.WAITING);
    assertThat(published).isEmpty();
    assertThat(recorded).isEmpty();
  }

  @Test
  void aSettledCampaignPublishesItsConsensusAsTheNextVersionOnce() {
    close();
    String name = "reviews.consensus-" + campaign.id().value().toString().substring(0, 8) + ".csv";

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.RELEASED);
    assertThat(service.release(campaign.id())).isEqualTo(Outcome.RELEASED);

    assertThat(published).containsExactly(name);
    ConsensusRelease release = recorded.get(campaign.id());
    assertThat(release.version()).hasValue(2);
    assertThat(release.items()).isEqualTo(2);
    assertThat(release.fileName()).isEqualTo(name);
  }

  @Test
  void aReleaseThatPublishedButCrashedBeforeRecordingFindsItsVersionAgain() {
    close();
    String name = ConsensusReleaseService.fileName("reviews.csv", campaign.id());
    publishing.startVersion(OWNER, campaign.dataset(), name); // the crashed attempt's version

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.RELEASED);

    assertThat(published).isEmpty();
    assertThat(recorded.get(campaign.id()).version()).hasValue(2);
  }

  @Test
  void aBusyDatasetMakesTheReleaseWaitAndTryAgain() {
    close();
    publisherRefuses = new IllegalStateException("version 2 is still INSPECTING");

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.WAITING);
    assertThat(recorded).isEmpty();

    publisherRefuses = null;
    assertThat(service.release(campaign.id())).isEqualTo(Outcome.RELEASED);
  }

  @Test
  void aFormatThatCannotCarryLabelsFailsOnceWithTheReason() {
    close();
    publisherRefuses = new UnsupportedOperationException("JSON arrays cannot carry labels yet");

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.FAILED);
    publisherRefuses = null;
    assertThat(service.release(campaign.id())).isEqualTo(Outcome.FAILED);

    assertThat(recorded.get(campaign.id()).message()).contains("JSON arrays");
    assertThat(published).isEmpty();
  }

  @Test
  void noConsensusMeansNoVersion() {
    close();
    labels = List.of();

    assertThat(service.release(campaign.id())).isEqualTo(Outcome.SKIPPED);
    assertThat(published).isEmpty();
  }

  @Test
  void fileNamesKeepTheExtensionThatSaysTheFormat() {
    CampaignId id = CampaignId.random();
    String tag = ".consensus-" + id.value().toString().substring(0, 8);

    assertThat(ConsensusReleaseService.fileName("pets.zip", id)).isEqualTo("pets" + tag + ".zip");
    assertThat(ConsensusReleaseService.fileName("a.b.jsonl", id)).isEqualTo("a.b" + tag + ".jsonl");
    assertThat(ConsensusReleaseService.fileName("README", id)).isEqualTo("README" + tag);
  }

  // --- fakes ---

  private CampaignConsensus consensus() {
    return new CampaignConsensus() {
      @Override
      public boolean settled(CampaignId id) {
        return settled;
      }

      @Override
      public List<ConsensusLabel> labelsOf(CampaignId id) {
        return labels;
      }
    };
  }

  private ConsensusReleases releases() {
    return new ConsensusReleases() {
      @Override
      public Optional<ConsensusRelease> find(CampaignId id) {
        return Optional.ofNullable(recorded.get(id));
      }

      @Override
      public List<CampaignId> awaiting(int limit) {
        return campaigns.keySet().stream().filter(id -> !recorded.containsKey(id)).toList();
      }

      @Override
      public void record(ConsensusRelease release) {
        recorded.putIfAbsent(release.campaign(), release);
      }
    };
  }

  private ConsensusVersionPublisher publisher() {
    return (ConsensusSource source, List<ConsensusLabel> l, String fileName) -> {
      if (publisherRefuses != null) {
        throw publisherRefuses;
      }
      assertThat(source.version()).isEqualTo(1);
      assertThat(source.format()).isEqualTo(ContentFormat.CSV);
      published.add(fileName);
      return publishing.startVersion(OWNER, source.dataset(), fileName).version();
    };
  }

  private CampaignRepository campaignRepository() {
    return new CampaignRepository() {
      @Override
      public Optional<Campaign> find(CampaignId id) {
        return Optional.ofNullable(campaigns.get(id));
      }

      @Override
      public List<Campaign> findByOwner(ContributorId owner) {
        return List.of();
      }

      @Override
      public List<Campaign> findByState(
          io.datamint.domain.model.campaign.CampaignState state, int limit) {
        return List.of();
      }

      @Override
      public List<Campaign> findRunningPastDeadline(Instant now, int limit) {
        return List.of();
      }

      @Override
      public void add(Campaign c) {}

      @Override
      public void store(Campaign c) {}

      @Override
      public Optional<EscrowOperation> findOperation(ChainOperationKey key) {
        return Optional.empty();
      }

      @Override
      public List<EscrowOperation> findOperations(CampaignId id) {
        return List.of();
      }

      @Override
      public List<ChainOperationKey> findDueOperations(
          Instant now,
          Set<io.datamint.domain.model.campaign.EscrowOperationKind> kinds,
          int limit) {
        return List.of();
      }

      @Override
      public void add(EscrowOperation operation) {}

      @Override
      public void store(EscrowOperation operation) {}
    };
  }
}
