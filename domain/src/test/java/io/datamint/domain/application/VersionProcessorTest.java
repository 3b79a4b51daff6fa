package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.VersionState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionProcessorTest {

  private static final ContributorId ALICE = new ContributorId("alice-subject");
  private static final byte[] CSV =
      "label,text\ncat,meow\ndog,woof\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path uploadDir;

  private final PublishingFakes.Datasets datasets = new PublishingFakes.Datasets();
  private final PublishingFakes.Items items = new PublishingFakes.Items();
  private final PublishingFakes.Store store = new PublishingFakes.Store();
  private final PublishingFakes.XorCipher cipher = new PublishingFakes.XorCipher();
  private final List<Integer> progressReports = new ArrayList<>();
  private PublishingFakes.Uploads uploads;
  private PublishingService publishing;
  private VersionProcessor processor;

  @BeforeEach
  void wire() {
    uploads = new PublishingFakes.Uploads(uploadDir);
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    publishing =
        new PublishingService(datasets, clock) {
          @Override
          public void reportProgress(
              io.datamint.domain.model.dataset.DatasetId id, int version, int percent) {
            progressReports.add(percent);
            super.reportProgress(id, version, percent);
          }
        };
    processor =
        new VersionProcessor(
            publishing,
            new PublishingFakes.LineInspector(),
            items,
            uploads,
            hash -> new DataKey(hash.digest()),
            new PublishingFakes.ReversingWrapper(),
            cipher,
            store,
            (dataset, version, content, size, preview) ->
                ("{\"content\":\"" + content + "\",\"preview\":\"" + preview + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
  }

  private VersionRef upload(String fileName, byte[] bytes) throws IOException {
    VersionRef ref =
        publishing.startDataset(
            ALICE,
            new Listing("Pets", "cats and dogs", SpdxLicense.of("CC0-1.0"), Set.of()),
            fileName);
    uploads.put(ref.versionId(), bytes);
    return ref;
  }

  private DatasetVersion version(VersionRef ref) {
    return datasets.find(ref.dataset()).orElseThrow().version(ref.version());
  }

  @Test
  void anAcceptedUploadAwaitsReviewWithItsContentEncryptedAndPinned() throws IOException {
    VersionRef ref = upload("pets.csv", CSV);

    processor.process(ref);

    DatasetVersion v = version(ref);
    assertThat(v.state()).isEqualTo(VersionState.PENDING_REVIEW);
    assertThat(v.uploadedBytes()).isEqualTo(CSV.length);
    StoredContent stored = v.storedContent().orElseThrow();
    byte[] inIpfs = store.blobs.get(stored.contentCid());
    assertThat(inIpfs).isNotEqualTo(CSV);
    DataKey key = new DataKey(v.contentHash().orElseThrow().digest());
    try (InputStream plain = cipher.decrypting(store.open(stored.contentCid()), key)) {
      assertThat(plain.readAllBytes()).isEqualTo(CSV);
    }
    assertThat(store.references)
        .containsOnlyKeys(stored.contentCid(), stored.previewCid(), stored.metadataCid());
    assertThat(store.references.get(stored.contentCid()))
        .containsExactly("dataset:" + ref.dataset() + ":v1:content");
    assertThat(new String(store.blobs.get(stored.metadataCid()), StandardCharsets.UTF_8))
        .contains(stored.contentCid().value())
        .contains(stored.previewCid().value());
    assertThat(items.of(ref.versionId())).hasSize(3);
    assertThat(uploads.completed(ref.versionId())).isEmpty();
  }

  @Test
  void progressIsReportedInSteps() throws IOException {
    VersionRef ref = upload("pets.csv", CSV);

    processor.process(ref);

    // three lines of a small file: each crosses a 5 % step, then the whole ciphertext at once
    assertThat(progressReports).isNotEmpty().allMatch(p -> p % 5 == 0 && p > 0 && p <= 100);
    assertThat(progressReports).contains(100);
  }

  @Test
  void aRejectedInspectionLeavesTheReasonAndNoItemsPinsOrUpload() throws IOException {
    VersionRef ref =
        upload("pets.csv", "label,text\ncat,meow,ragged\n".getBytes(StandardCharsets.UTF_8));

    processor.process(ref);

    DatasetVersion v = version(ref);
    assertThat(v.state()).isEqualTo(VersionState.REJECTED);
    assertThat(v.rejection().orElseThrow().describe())
        .isEqualTo("line 2: expected 2 fields, as in the first line, but found 3");
    assertThat(items.of(ref.versionId())).isEmpty();
    assertThat(store.references).isEmpty();
    assertThat(uploads.completed(ref.versionId())).isEmpty();
  }

  @Test
  void aVersionWhoseUploadIsGoneFailsAsInterrupted() {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Pets", "", SpdxLicense.of("CC0-1.0"), Set.of()), "pets.csv");

    processor.process(ref);

    RejectionReason reason = version(ref).rejection().orElseThrow();
    assertThat(reason.code()).isEqualTo(RejectionCode.STORAGE_FAILED);
    assertThat(reason.message()).isEqualTo("processing was interrupted; upload again");
  }

  @Test
  void aStorageFailureRejectsAndReleasesWhatWasAlreadyPinned() throws IOException {
    VersionRef ref = upload("pets.csv", CSV);
    store.failOnStore = 2; // the content is stored, the preview fails

    processor.process(ref);

    DatasetVersion v = version(ref);
    assertThat(v.state()).isEqualTo(VersionState.REJECTED);
    assertThat(v.rejection().orElseThrow().message()).contains("Kubo is not reachable");
    assertThat(store.references).isEmpty();
    assertThat(items.of(ref.versionId())).isEmpty();
    assertThat(uploads.completed(ref.versionId())).isEmpty();
  }

  @Test
  void processingAFinishedVersionAgainChangesNothing() throws IOException {
    VersionRef ref = upload("pets.csv", CSV);
    processor.process(ref);
    Instant before = version(ref).updatedAt();
    int storesBefore = store.stores;

    processor.process(ref);

    assertThat(version(ref).state()).isEqualTo(VersionState.PENDING_REVIEW);
    assertThat(version(ref).updatedAt()).isEqualTo(before);
    assertThat(store.stores).isEqualTo(storesBefore);
  }

  @Test
  void aVersionLeftStoringResumesFromItsUploadToTheSameContentCid() throws IOException {
    VersionRef first = upload("pets.csv", CSV);
    processor.process(first);
    Cid expected = version(first).storedContent().orElseThrow().contentCid();

    // a second dataset with the same bytes, interrupted after its inspection
    VersionRef second = upload("pets.csv", CSV);
    Manifest manifest = PublishingFakes.manifestOf(CSV);
    publishing.uploadCompleted(second.dataset(), 1, CSV.length);
    try (var batch = items.open(second.versionId())) {
      new PublishingFakes.LineInspector()
          .inspect(uploads.completed(second.versionId()).orElseThrow(), "pets.csv", batch);
    }
    publishing.inspectionPassed(second.dataset(), 1, manifest);

    processor.process(second);

    DatasetVersion v = version(second);
    assertThat(v.state()).isEqualTo(VersionState.PENDING_REVIEW);
    assertThat(v.storedContent().orElseThrow().contentCid()).isEqualTo(expected);
    assertThat(items.of(second.versionId())).hasSize(3);
  }

  @Test
  void aVersionLeftInspectingIsInspectedAgainWithoutItemsOfTheEarlierRun() throws IOException {
    VersionRef ref = upload("pets.csv", CSV);
    publishing.uploadCompleted(ref.dataset(), 1, CSV.length);
    try (var batch = items.open(ref.versionId())) {
      batch.accept(item("half-run", 0, 0));
    }

    processor.process(ref);

    assertThat(version(ref).state()).isEqualTo(VersionState.PENDING_REVIEW);
    assertThat(items.of(ref.versionId()))
        .extracting(Item::locator)
        .containsExactly("line 1", "line 2", "line 3");
  }

  @Test
  void inFlightListsOnlyVersionsStillInProcessing() throws IOException {
    VersionRef done = upload("pets.csv", CSV);
    processor.process(done);
    VersionRef waiting = upload("more.csv", CSV);

    assertThat(publishing.inFlight()).containsExactly(waiting);
  }

  private static Item item(String locator, long offset, long length) {
    ContentHash hash = PublishingFakes.sha256(locator.getBytes(StandardCharsets.UTF_8));
    return new Item(ItemId.of(hash, offset), locator, hash, offset, length);
  }
}
