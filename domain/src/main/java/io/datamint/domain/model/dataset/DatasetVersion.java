package io.datamint.domain.model.dataset;

import io.datamint.domain.model.shared.KeyWrapper;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a dataset: an uploaded file on its way through inspection, storage and review.
 * Versions are history: once approved or rejected a version never changes again. Only its {@link
 * Dataset} changes it, through the dataset's verbs.
 */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion {

  @Id
  @Column(name = "id", nullable = false)
  private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "dataset_id", nullable = false)
  private Dataset dataset;

  @Column(name = "number", nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", length = 20, nullable = false)
  private VersionState state;

  @Column(name = "file_name", length = 255, nullable = false)
  private String fileName;

  @Column(name = "uploaded_bytes", nullable = false)
  private long uploadedBytes;

  @Column(name = "progress_percent", nullable = false)
  private int progressPercent;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Embedded private RejectionReason rejection;

  // --- the manifest, mapped column by column so that the catalog can query it ---

  @Enumerated(EnumType.STRING)
  @Column(name = "format", length = 20)
  private ContentFormat format;

  @Column(name = "byte_size")
  private Long byteSize;

  @Convert(converter = ContentHashConverter.class)
  @Column(name = "content_hash", length = 64)
  private ContentHash contentHash;

  @Column(name = "charset", length = 40)
  private String charset;

  @Column(name = "item_count")
  private Long itemCount;

  @Column(name = "label_column", length = 500)
  private String labelColumn;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dataset_version_column", joinColumns = @JoinColumn(name = "version_id"))
  @OrderBy("position ASC")
  private List<ColumnProfile> columns = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dataset_version_label", joinColumns = @JoinColumn(name = "version_id"))
  @MapKeyColumn(name = "label", length = 500)
  @Column(name = "item_count", nullable = false)
  private Map<String, Long> labelDistribution = new LinkedHashMap<>();

  @Embedded private ImageStatistics images;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dataset_version_flag", joinColumns = @JoinColumn(name = "version_id"))
  private List<PersonalDataFlag> personalData = new ArrayList<>();

  @Embedded private StoredContent stored;

  @Column(name = "reviewed_by", length = 255)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected DatasetVersion() {
    // for JPA
  }

  DatasetVersion(Dataset dataset, int number, String fileName, Instant now) {
    this.id = UUID.randomUUID();
    this.dataset = Objects.requireNonNull(dataset, "dataset must not be null");
    if (number < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
    this.number = number;
    this.fileName = requireFileName(fileName);
    this.state = VersionState.UPLOADING;
    this.createdAt = Objects.requireNonNull(now, "time must not be null");
    this.updatedAt = now;
  }

  private static String requireFileName(String fileName) {
    Objects.requireNonNull(fileName, "file name must not be null");
    String name = fileName.replaceAll("\\p{Cntrl}", "").trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("file name must not be blank");
    }
    return name.length() <= 255 ? name : name.substring(name.length() - 255);
  }

  // --- transitions, called by Dataset only ---

  void uploadCompleted(long bytes, Instant now) {
    requireState(VersionState.UPLOADING, "complete an upload");
    if (bytes < 0) {
      throw new IllegalArgumentException("uploaded bytes must not be negative");
    }
    this.uploadedBytes = bytes;
    move(VersionState.INSPECTING, now);
  }

  void inspectionPassed(Manifest manifest, Instant now) {
    requireState(VersionState.INSPECTING, "record an inspection");
    Objects.requireNonNull(manifest, "manifest must not be null");
    this.format = manifest.format();
    this.byteSize = manifest.byteSize();
    this.contentHash = manifest.contentHash();
    this.charset = manifest.charset();
    this.itemCount = manifest.itemCount();
    this.labelColumn = manifest.labelColumn();
    this.columns = new ArrayList<>(manifest.columns());
    this.labelDistribution = new LinkedHashMap<>(manifest.labelDistribution());
    this.images = manifest.images();
    this.personalData = new ArrayList<>(manifest.personalData());
    move(VersionState.STORING, now);
  }

  void contentStored(StoredContent content, Instant now) {
    requireState(VersionState.STORING, "record stored content");
    this.stored = Objects.requireNonNull(content, "stored content must not be null");
    move(VersionState.PENDING_REVIEW, now);
  }

  void reject(RejectionReason reason, Instant now) {
    Objects.requireNonNull(reason, "reason must not be null");
    if (reason.code() == RejectionCode.REJECTED_IN_REVIEW) {
      requireState(VersionState.PENDING_REVIEW, "reject in review");
    } else if (!state.isProcessing()) {
      throw new IllegalStateException(
          "version " + number + " is " + state + ": only a version in processing can fail");
    }
    this.rejection = reason;
    move(VersionState.REJECTED, now);
  }

  void approve(String reviewer, Instant now) {
    requireState(VersionState.PENDING_REVIEW, "approve");
    this.reviewedBy = Objects.requireNonNull(reviewer, "reviewer must not be null");
    this.reviewedAt = now;
    move(VersionState.APPROVED, now);
  }

  void rejectInReview(String reviewer, String why, Instant now) {
    Objects.requireNonNull(reviewer, "reviewer must not be null");
    reject(RejectionReason.of(RejectionCode.REJECTED_IN_REVIEW, why), now);
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
  }

  void progress(int percent, Instant now) {
    if (!state.isProcessing()) {
      throw new IllegalStateException("version " + number + " is not in processing");
    }
    this.progressPercent = Math.max(0, Math.min(100, percent));
    this.updatedAt = now;
  }

  private void move(VersionState next, Instant now) {
    this.state = next;
    this.progressPercent = next.isProcessing() ? 0 : 100;
    this.updatedAt = Objects.requireNonNull(now, "time must not be null");
  }

  private void requireState(VersionState expected, String action) {
    if (state != expected) {
      throw new IllegalStateException(
          "cannot " + action + ": version " + number + " is " + state + ", not " + expected);
    }
  }

  // --- queries ---

  public UUID id() {
    return id;
  }

  public int number() {
    return number;
  }

  public VersionState state() {
    return state;
  }

  public String fileName() {
    return fileName;
  }

  public long uploadedBytes() {
    return uploadedBytes;
  }

  public int progressPercent() {
    return progressPercent;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<RejectionReason> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** The inspection's findings; present from {@link VersionState#STORING} on. */
  public Optional<Manifest> manifest() {
    if (format == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Manifest(
            format,
            fileName,
            byteSize,
            contentHash,
            charset,
            itemCount,
            columns,
            labelColumn,
            labelDistribution,
            images,
            personalData));
  }

  public Optional<ContentHash> contentHash() {
    return Optional.ofNullable(contentHash);
  }

  public Optional<StoredContent> storedContent() {
    return Optional.ofNullable(stored);
  }

  public Optional<String> reviewedBy() {
    return Optional.ofNullable(reviewedBy);
  }

  public Optional<Instant> reviewedAt() {
    return Optional.ofNullable(reviewedAt);
  }

  /** The context the version's data key is wrapped under; see {@link KeyWrapper}. */
  public String keyContext() {
    return "dataset:" + dataset.id() + ":v" + number;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetVersion v && id.equals(v.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "v" + number + " " + state;
  }
}
