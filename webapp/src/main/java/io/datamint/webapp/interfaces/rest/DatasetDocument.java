package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.ImageStatistics;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.Tag;
import java.util.List;
import java.util.Map;

/**
 * A dataset as the API shows it: its description, state, and every version with its progress, CIDs,
 * rejection reason, schema, statistics and personal-data flags. Never the wrapped key.
 */
public record DatasetDocument(
    String id,
    String title,
    String description,
    String license,
    List<String> tags,
    String state,
    Integer listedVersion,
    String unlistReason,
    String createdAt,
    String updatedAt,
    List<Version> versions) {

  /** One version. Fields that do not apply yet are null. */
  public record Version(
      int number,
      String state,
      int progress,
      String fileName,
      long uploadedBytes,
      String createdAt,
      String updatedAt,
      Rejection rejection,
      String format,
      Long bytes,
      String sha256,
      Long items,
      List<Column> schema,
      String labelColumn,
      Map<String, Long> labelDistribution,
      Images images,
      List<Flag> flags,
      String contentCid,
      Long encryptedBytes,
      String previewCid,
      String metadataCid,
      String reviewedBy,
      String reviewedAt) {}

  /** Why the version was rejected; {@code location} is a line, element or archive entry. */
  public record Rejection(String code, String message, String location) {}

  public record Column(
      String name, String type, long missing, long distinct, boolean distinctCapped) {}

  public record Images(
      long count,
      int minWidth,
      int maxWidth,
      int minHeight,
      int maxHeight,
      double meanWidth,
      double meanHeight) {}

  /** Personal data found, with examples already masked. */
  public record Flag(String kind, long occurrences, List<String> maskedExamples) {}

  public static DatasetDocument of(Dataset d) {
    return new DatasetDocument(
        d.id().toString(),
        d.title(),
        d.description(),
        d.license().id(),
        d.tags().stream().map(Tag::value).sorted().toList(),
        d.state().name(),
        d.listedVersion().map(DatasetVersion::number).orElse(null),
        d.unlistReason().orElse(null),
        d.createdAt().toString(),
        d.updatedAt().toString(),
        d.versions().stream().map(DatasetDocument::version).toList());
  }

  private static Version version(DatasetVersion v) {
    Manifest m = v.manifest().orElse(null);
    StoredContent s = v.storedContent().orElse(null);
    return new Version(
        v.number(),
        v.state().name(),
        v.progressPercent(),
        v.fileName(),
        v.uploadedBytes(),
        v.createdAt().toString(),
        v.updatedAt().toString(),
        v.rejection()
            .map(r -> new Rejection(r.code().name(), r.message(), r.location().orElse(null)))
            .orElse(null),
        m == null ? null : m.format().name(),
        m == null ? null : m.byteSize(),
        m == null ? null : m.contentHash().sha256Hex(),
        m == null ? null : m.itemCount(),
        m == null ? null : m.columns().stream().map(DatasetDocument::column).toList(),
        m == null ? null : m.labelColumn(),
        m == null ? null : m.labelDistribution(),
        m == null ? null : m.imageStatistics().map(DatasetDocument::images).orElse(null),
        m == null ? null : m.personalData().stream().map(DatasetDocument::flag).toList(),
        s == null ? null : cid(s.contentCid()),
        s == null ? null : s.encryptedSize(),
        s == null ? null : cid(s.previewCid()),
        s == null ? null : cid(s.metadataCid()),
        v.reviewedBy().orElse(null),
        v.reviewedAt().map(Object::toString).orElse(null));
  }

  private static String cid(Cid cid) {
    return cid.value();
  }

  private static Column column(ColumnProfile c) {
    return new Column(c.name(), c.type().name(), c.missing(), c.distinct(), c.distinctCapped());
  }

  private static Images images(ImageStatistics i) {
    return new Images(
        i.count(),
        i.minWidth(),
        i.maxWidth(),
        i.minHeight(),
        i.maxHeight(),
        i.meanWidth(),
        i.meanHeight());
  }

  private static Flag flag(PersonalDataFlag f) {
    return new Flag(f.kind().name(), f.occurrences(), f.maskedExamples());
  }
}
