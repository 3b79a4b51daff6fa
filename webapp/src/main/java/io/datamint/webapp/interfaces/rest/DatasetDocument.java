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
import io.datamint.domain.model.tokenization.DatasetToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset as the API shows it: its description, state, and every version with its progress, CIDs,
 * rejection reason, schema, statistics and personal-data flags, and its token on chain once it was
 * approved. Never the wrapped key.
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
    List<Version> versions,
    Token token) {

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

  /**
   * The dataset's DataNFT: the mint's status ({@code QUEUED}, {@code SUBMITTED}, {@code MINTED},
   * {@code FAILED}), where it lives on chain, its transaction, why it waits or failed ({@code
   * message}), whether its event was seen at the confirmation depth, the listing status on chain,
   * and the publication of each later version. Fields that do not apply yet are null.
   */
  public record Token(
      String status,
      Long tokenId,
      String dataNft,
      String datatoken,
      String transaction,
      String message,
      boolean confirmed,
      String listing,
      List<TokenVersion> versions) {

    static Token of(DatasetToken t) {
      return new Token(
          t.status().name(),
          t.tokenId().map(id -> id.value()).orElse(null),
          t.dataNft().map(Object::toString).orElse(null),
          t.datatoken().map(Object::toString).orElse(null),
          t.transaction().map(Object::toString).orElse(null),
          t.message().orElse(null),
          t.confirmed(),
          t.listing().map(Enum::name).orElse(null),
          t.versions().stream()
              .map(
                  v ->
                      new TokenVersion(
                          v.version(),
                          v.status().name(),
                          v.chainVersion().orElse(null),
                          v.transaction().map(Object::toString).orElse(null),
                          v.message().orElse(null),
                          v.confirmed()))
              .toList());
    }
  }

  /** A later version's publication on chain; {@code chainVersion} is the DataNFT's count. */
  public record TokenVersion(
      int version,
      String status,
      Long chainVersion,
      String transaction,
      String message,
      boolean confirmed) {}

  /** The dataset without its token (lists, and callers that do not need it). */
  public static DatasetDocument of(Dataset d) {
    return of(d, Optional.empty());
  }

  public static DatasetDocument of(Dataset d, Optional<DatasetToken> token) {
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
        d.versions().stream().map(DatasetDocument::version).toList(),
        token.map(Token::of).orElse(null));
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
