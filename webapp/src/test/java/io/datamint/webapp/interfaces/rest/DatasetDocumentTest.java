package io.datamint.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.PersonalDataKind;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.domain.model.shared.WrappedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetDocumentTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Cid CONTENT =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
  private static final Cid PREVIEW =
      Cid.of("bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

  private static Dataset dataset() {
    return new Dataset(
        DatasetId.newId(),
        new ContributorId("alice"),
        "Pets",
        "cats and dogs",
        SpdxLicense.of("cc0-1.0"),
        Set.of(new Tag("pets"), new Tag("animals")),
        "pets.csv",
        T0);
  }

  private static Manifest manifest() {
    return new Manifest(
        ContentFormat.CSV,
        "pets.csv",
        120,
        new ContentHash("b".repeat(64)),
        "UTF-8",
        2,
        List.of(new ColumnProfile(0, "label", ColumnType.STRING, 0, 2, false)),
        "label",
        Map.of("cat", 1L, "dog", 1L),
        null,
        List.of(new PersonalDataFlag(PersonalDataKind.EMAIL_ADDRESS, 2, List.of("a***@e***.com"))));
  }

  @Test
  void aVersionInReviewShowsSchemaStatisticsFlagsAndCidsButNoKey() {
    Dataset d = dataset();
    d.uploadCompleted(1, 120, T0);
    d.inspectionPassed(1, manifest(), T0);
    d.contentStored(
        1,
        new StoredContent(CONTENT, 200, PREVIEW, PREVIEW, new WrappedKey("m1", new byte[] {9})),
        T0);

    DatasetDocument doc = DatasetDocument.of(d);

    assertThat(doc.state()).isEqualTo("PENDING_REVIEW");
    assertThat(doc.license()).isEqualTo("CC0-1.0");
    assertThat(doc.tags()).containsExactly("animals", "pets");
    DatasetDocument.Version v = doc.versions().get(0);
    assertThat(v.state()).isEqualTo("PENDING_REVIEW");
    assertThat(v.progress()).isEqualTo(100);
    assertThat(v.items()).isEqualTo(2);
    assertThat(v.schema())
        .containsExactly(new DatasetDocument.Column("label", "STRING", 0, 2, false));
    assertThat(v.labelDistribution()).containsEntry("cat", 1L);
    assertThat(v.flags())
        .containsExactly(new DatasetDocument.Flag("EMAIL_ADDRESS", 2, List.of("a***@e***.com")));
    assertThat(v.contentCid()).isEqualTo(CONTENT.value());
    assertThat(v.encryptedBytes()).isEqualTo(200);
    assertThat(v.previewCid()).isEqualTo(PREVIEW.value());
    assertThat(v.rejection()).isNull();
    assertThat(doc.toString()).doesNotContain("m1");
  }

  @Test
  void aRejectedVersionShowsWhereAndWhy() {
    Dataset d = dataset();
    d.uploadCompleted(1, 120, T0);
    d.processingFailed(
        1,
        RejectionReason.at(RejectionCode.MALFORMED_CSV, "line 3", "expected 2 fields, found 3"),
        T0);

    DatasetDocument.Version v = DatasetDocument.of(d).versions().get(0);

    assertThat(v.state()).isEqualTo("REJECTED");
    assertThat(v.rejection())
        .isEqualTo(
            new DatasetDocument.Rejection("MALFORMED_CSV", "expected 2 fields, found 3", "line 3"));
    assertThat(v.schema()).isNull();
    assertThat(v.contentCid()).isNull();
  }

  @Test
  void anUploadingVersionShowsItsProgressAndNothingElse() {
    Dataset d = dataset();
    d.uploadCompleted(1, 120, T0);
    d.reportProgress(1, 35, T0);

    DatasetDocument.Version v = DatasetDocument.of(d).versions().get(0);

    assertThat(v.state()).isEqualTo("INSPECTING");
    assertThat(v.progress()).isEqualTo(35);
    assertThat(v.uploadedBytes()).isEqualTo(120);
    assertThat(v.format()).isNull();
  }
}
