package io.datamint.domain.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.shared.WrappedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Cid CID =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");

  private static Dataset newDataset() {
    return new Dataset(
        DatasetId.newId(),
        new ContributorId("alice"),
        "Cats",
        "Pictures of cats",
        SpdxLicense.of("cc-by-4.0"),
        Set.of(new Tag("Cats")),
        "cats.csv",
        T0);
  }

  private static Manifest manifest(String hashHex) {
    return new Manifest(
        ContentFormat.CSV,
        "cats.csv",
        10,
        new ContentHash(hashHex),
        "UTF-8",
        2,
        List.of(new ColumnProfile(0, "label", ColumnType.STRING, 0, 2, false)),
        "label",
        Map.of("cat", 1L, "dog", 1L),
        null,
        List.of());
  }

  private static StoredContent stored() {
    return new StoredContent(CID, 100, CID, CID, new WrappedKey("m1", new byte[] {1, 2}));
  }

  private static void process(Dataset d, int version, String hashHex) {
    d.uploadCompleted(version, 10, T0);
    d.inspectionPassed(version, manifest(hashHex), T0);
    d.contentStored(version, stored(), T0);
  }

  @Test
  void newDatasetIsUploadingItsFirstVersion() {
    Dataset d = newDataset();
    assertThat(d.state()).isEqualTo(DatasetState.UPLOADING);
    assertThat(d.versions()).hasSize(1);
    assertThat(d.latestVersion().number()).isEqualTo(1);
    assertThat(d.license().id()).isEqualTo("CC-BY-4.0");
    assertThat(d.tags()).containsExactly(new Tag("cats"));
  }

  @Test
  void versionMovesThroughProcessingToReviewAndIsListedOnApproval() {
    Dataset d = newDataset();
    d.uploadCompleted(1, 10, T0);
    assertThat(d.state()).isEqualTo(DatasetState.INSPECTING);
    d.inspectionPassed(1, manifest("a".repeat(64)), T0);
    assertThat(d.state()).isEqualTo(DatasetState.STORING);
    assertThat(d.latestVersion().manifest()).get().extracting(Manifest::itemCount).isEqualTo(2L);
    d.contentStored(1, stored(), T0);
    assertThat(d.state()).isEqualTo(DatasetState.PENDING_REVIEW);
    d.approve(1, "admin", T0);
    assertThat(d.state()).isEqualTo(DatasetState.LISTED);
    assertThat(d.listedVersion()).get().extracting(DatasetVersion::number).isEqualTo(1);
  }

  @Test
  void badInputRejectsTheDatasetWithTheReason() {
    Dataset d = newDataset();
    d.uploadCompleted(1, 10, T0);
    RejectionReason reason =
        RejectionReason.at(RejectionCode.MALFORMED_CSV, "line 3", "expected 2 fields, found 3");
    d.processingFailed(1, reason, T0);
    assertThat(d.state()).isEqualTo(DatasetState.REJECTED);
    assertThat(d.latestVersion().rejection()).contains(reason);
    assertThat(reason.describe()).isEqualTo("line 3: expected 2 fields, found 3");
  }

  @Test
  void stepsCannotBeSkipped() {
    Dataset d = newDataset();
    assertThatThrownBy(() -> d.inspectionPassed(1, manifest("a".repeat(64)), T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UPLOADING");
    assertThatThrownBy(() -> d.approve(1, "admin", T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void newVersionOfListedDatasetKeepsTheListedOneUntilApproved() {
    Dataset d = newDataset();
    process(d, 1, "a".repeat(64));
    d.approve(1, "admin", T0);
    DatasetVersion v2 = d.addVersion("cats-v2.csv", T0);
    assertThat(v2.number()).isEqualTo(2);
    assertThat(d.state()).isEqualTo(DatasetState.LISTED);
    process(d, 2, "b".repeat(64));
    d.rejectInReview(2, "admin", "blurry", T0);
    assertThat(d.state()).isEqualTo(DatasetState.LISTED);
    assertThat(d.listedVersion()).get().extracting(DatasetVersion::number).isEqualTo(1);
    assertThat(d.version(1).state()).isEqualTo(VersionState.APPROVED);
    assertThat(d.version(2).rejection())
        .get()
        .extracting(RejectionReason::code)
        .isEqualTo(RejectionCode.REJECTED_IN_REVIEW);
  }

  @Test
  void onlyOneVersionIsProcessedAtATime() {
    Dataset d = newDataset();
    assertThatThrownBy(() -> d.addVersion("again.csv", T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still UPLOADING");
  }

  @Test
  void rejectedDatasetCanTryAgainWithANewVersion() {
    Dataset d = newDataset();
    d.processingFailed(1, RejectionReason.of(RejectionCode.EMPTY_FILE, "the file is empty"), T0);
    d.addVersion("fixed.csv", T0);
    assertThat(d.state()).isEqualTo(DatasetState.UPLOADING);
    assertThat(d.versions())
        .extracting(DatasetVersion::state)
        .containsExactly(VersionState.REJECTED, VersionState.UPLOADING);
  }

  @Test
  void unlistAndRelistOnlyFromTheMatchingState() {
    Dataset d = newDataset();
    assertThatThrownBy(() -> d.unlist("spam", T0)).isInstanceOf(IllegalStateException.class);
    process(d, 1, "a".repeat(64));
    d.approve(1, "admin", T0);
    d.unlist("reported", T0);
    assertThat(d.state()).isEqualTo(DatasetState.UNLISTED);
    assertThat(d.unlistReason()).contains("reported");
    d.relist(T0);
    assertThat(d.state()).isEqualTo(DatasetState.LISTED);
  }

  @Test
  void reuploadOfTheSameBytesIsRecognised() {
    Dataset d = newDataset();
    process(d, 1, "a".repeat(64));
    d.approve(1, "admin", T0);
    assertThat(d.versionWithContent(new ContentHash("a".repeat(64)))).isPresent();
    assertThat(d.versionWithContent(new ContentHash("b".repeat(64)))).isEmpty();
  }

  @Test
  void keyContextNamesDatasetAndVersion() {
    Dataset d = newDataset();
    assertThat(d.latestVersion().keyContext()).isEqualTo("dataset:" + d.id() + ":v1");
  }
}
