package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.shared.WrappedKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishingServiceTest {

  private static final ContributorId ALICE = new ContributorId("alice-subject");
  private static final ContributorId BOB = new ContributorId("bob-subject");
  private static final Cid CID =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");

  private final PublishingFakes.Datasets datasets = new PublishingFakes.Datasets();
  private final PublishingService publishing =
      new PublishingService(
          datasets, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  private VersionRef published() {
    return publishing.startDataset(
        ALICE,
        new Listing("Pets", "cats and dogs", SpdxLicense.of("CC0-1.0"), Set.of(new Tag("pets"))),
        "pets.csv");
  }

  private void processToReview(VersionRef ref) {
    publishing.uploadCompleted(ref.dataset(), ref.version(), 10);
    publishing.inspectionPassed(
        ref.dataset(),
        ref.version(),
        new Manifest(
            ContentFormat.CSV,
            "pets.csv",
            10,
            new ContentHash("a".repeat(64)),
            "UTF-8",
            1,
            List.of(),
            null,
            Map.of(),
            null,
            List.of()));
    publishing.contentStored(
        ref.dataset(),
        ref.version(),
        new StoredContent(CID, 42, CID, CID, new WrappedKey("test", new byte[] {1})));
  }

  @Test
  void aNewDatasetIsOwnedByItsUploaderAndWaitsForItsFile() {
    VersionRef ref = published();

    assertThat(ref.version()).isEqualTo(1);
    assertThat(publishing.view(ref.dataset(), ALICE, false).state())
        .isEqualTo(DatasetState.UPLOADING);
    assertThat(publishing.ownedBy(ALICE)).hasSize(1);
    assertThat(publishing.ownedBy(BOB)).isEmpty();
  }

  @Test
  void anUnlistedDatasetIsHiddenFromOthersButNotFromAdmins() {
    VersionRef ref = published();

    assertThatThrownBy(() -> publishing.view(ref.dataset(), BOB, false))
        .isInstanceOf(PublishingService.UnknownDatasetException.class);
    assertThat(publishing.view(ref.dataset(), BOB, true).id()).isEqualTo(ref.dataset());
  }

  @Test
  void aListedDatasetIsVisibleToEverybody() {
    VersionRef ref = published();
    processToReview(ref);
    publishing.approve(ref.dataset(), "admin");

    assertThat(publishing.view(ref.dataset(), BOB, false).state()).isEqualTo(DatasetState.LISTED);
  }

  @Test
  void onlyTheOwnerAddsVersions() {
    VersionRef ref = published();
    processToReview(ref);
    publishing.approve(ref.dataset(), "admin");

    assertThatThrownBy(() -> publishing.startVersion(BOB, ref.dataset(), "v2.csv"))
        .isInstanceOf(PublishingService.NotPermittedException.class);
    VersionRef second = publishing.startVersion(ALICE, ref.dataset(), "v2.csv");
    assertThat(second.version()).isEqualTo(2);
    assertThat(publishing.inFlight()).containsExactly(second);
  }

  @Test
  void aVersionIsAddedOnlyOnceTheLatestIsFinished() {
    VersionRef ref = published();

    assertThatThrownBy(() -> publishing.startVersion(ALICE, ref.dataset(), "v2.csv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wait for it to finish");
  }

  @Test
  void approvalNeedsAVersionInReview() {
    VersionRef ref = published();

    assertThatThrownBy(() -> publishing.approve(ref.dataset(), "admin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("awaits review");
  }

  @Test
  void theReviewQueueHoldsVersionsAwaitingReviewUntilDecided() {
    VersionRef approved = published();
    processToReview(approved);
    VersionRef rejected = published();
    processToReview(rejected);
    assertThat(publishing.reviewQueue()).hasSize(2);

    publishing.approve(approved.dataset(), "admin");
    publishing.reject(rejected.dataset(), "admin", "the labels are random");

    assertThat(publishing.reviewQueue()).isEmpty();
    var version = publishing.view(rejected.dataset(), ALICE, false).latestVersion();
    assertThat(version.state()).isEqualTo(VersionState.REJECTED);
    assertThat(version.rejection().orElseThrow().message()).isEqualTo("the labels are random");
  }
}
