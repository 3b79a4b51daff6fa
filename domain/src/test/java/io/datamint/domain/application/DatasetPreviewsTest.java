package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.SpdxLicense;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPreviewsTest {

  private static final ContributorId ALICE = new ContributorId("alice-subject");
  private static final ContributorId BOB = new ContributorId("bob-subject");
  private static final byte[] CSV = "label,text\ncat,meow\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path uploadDir;

  private final PublishingFakes.Datasets datasets = new PublishingFakes.Datasets();
  private final PublishingFakes.Store store = new PublishingFakes.Store();
  private final PublishingFakes.XorCipher cipher = new PublishingFakes.XorCipher();
  private final PublishingFakes.ReversingWrapper wrapper = new PublishingFakes.ReversingWrapper();
  private PublishingService publishing;
  private PublishingFakes.Uploads uploads;
  private DatasetPreviews previews;

  @BeforeEach
  void wire() {
    publishing =
        new PublishingService(
            datasets, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    uploads = new PublishingFakes.Uploads(uploadDir);
    previews = new DatasetPreviews(publishing, store);
  }

  private VersionRef processed() throws IOException {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Pets", "", SpdxLicense.of("CC0-1.0"), Set.of()), "pets.csv");
    uploads.put(ref.versionId(), CSV);
    new VersionProcessor(
            publishing,
            new PublishingFakes.LineInspector(),
            new PublishingFakes.Items(),
            uploads,
            hash -> new DataKey(hash.digest()),
            wrapper,
            cipher,
            store,
            (dataset, version, content, size, preview) -> new byte[] {1})
        .process(ref);
    return ref;
  }

  @Test
  void theOwnerReadsThePreviewTheInspectorMade() throws IOException {
    VersionRef ref = processed();

    assertThat(previews.preview(ref.dataset(), 1, ALICE, false))
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("label,text"));
  }

  @Test
  void aVersionUnderReviewIsNotPreviewedForStrangersButForAdmins() throws IOException {
    VersionRef ref = processed();

    assertThatThrownBy(() -> previews.preview(ref.dataset(), 1, BOB, false))
        .isInstanceOf(PublishingService.UnknownDatasetException.class);
    assertThat(previews.preview(ref.dataset(), 1, BOB, true)).isPresent();
  }

  @Test
  void aListedVersionIsPreviewedForEverybody() throws IOException {
    VersionRef ref = processed();
    publishing.approve(ref.dataset(), "admin");

    assertThat(previews.preview(ref.dataset(), 1, BOB, false)).isPresent();
  }

  @Test
  void aVersionWithoutStoredContentHasNoPreviewYet() {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Pets", "", SpdxLicense.of("CC0-1.0"), Set.of()), "pets.csv");

    assertThat(previews.preview(ref.dataset(), 1, ALICE, false)).isEmpty();
  }
}
