package io.datamint.domain.model.dataset;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A contributor's dataset: its public description, and its versions kept as history. The aggregate
 * root of the publish flow: application services load it, call one verb, and store it.
 *
 * <p>Rules it keeps: one version is in processing or review at a time; versions only move forward
 * (uploading, inspecting, storing, pending review, then approved or rejected); before the first
 * approval the dataset's state follows its latest version; after it, the dataset is listed (or
 * unlisted by an admin) with its latest approved version, while later versions are processed and
 * reviewed beside it.
 */
@Entity
@Table(name = "dataset")
public class Dataset {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 20_000;

  @Id
  @Column(name = "id", nullable = false)
  private UUID id;

  @Convert(converter = ContributorIdConverter.class)
  @Column(name = "owner_id", length = 255, nullable = false)
  private ContributorId owner;

  @Column(name = "title", length = MAX_TITLE, nullable = false)
  private String title;

  @Column(name = "description", length = MAX_DESCRIPTION, nullable = false)
  private String description;

  @Convert(converter = SpdxLicenseConverter.class)
  @Column(name = "license", length = 100, nullable = false)
  private SpdxLicense license;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dataset_tag", joinColumns = @JoinColumn(name = "dataset_id"))
  @Convert(converter = TagConverter.class)
  @Column(name = "tag", length = 32, nullable = false)
  private Set<Tag> tags = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "state", length = 20, nullable = false)
  private DatasetState state;

  @Column(name = "listed_version")
  private Integer listedVersion;

  @Column(name = "unlist_reason", length = 1000)
  private String unlistReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "revision", nullable = false)
  private long revision;

  @OneToMany(
      mappedBy = "dataset",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("number ASC")
  private List<DatasetVersion> versions = new ArrayList<>();

  protected Dataset() {
    // for JPA
  }

  /**
   * Registers a dataset whose first version is being uploaded.
   *
   * @param fileName the uploaded file's name, kept with the version
   */
  public Dataset(
      DatasetId id,
      ContributorId owner,
      String title,
      String description,
      SpdxLicense license,
      Set<Tag> tags,
      String fileName,
      Instant now) {
    this.id = Objects.requireNonNull(id, "dataset id must not be null").value();
    this.owner = Objects.requireNonNull(owner, "owner must not be null");
    this.createdAt = Objects.requireNonNull(now, "time must not be null");
    describe(title, description, license, tags, now);
    this.versions.add(new DatasetVersion(this, 1, fileName, now));
    syncState(now);
  }

  // --- verbs ---

  /** Changes the public description; the change reaches IPFS with the next version. */
  public void describe(
      String title, String description, SpdxLicense license, Set<Tag> tags, Instant now) {
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(description, "description must not be null");
    String t = title.strip();
    if (t.isEmpty() || t.length() > MAX_TITLE) {
      throw new IllegalArgumentException("title must have 1 to " + MAX_TITLE + " characters");
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "description must have at most " + MAX_DESCRIPTION + " characters");
    }
    Objects.requireNonNull(tags, "tags must not be null");
    if (tags.size() > 20) {
      throw new IllegalArgumentException("at most 20 tags");
    }
    this.title = t;
    this.description = description.strip();
    this.license = Objects.requireNonNull(license, "license must not be null");
    this.tags = new LinkedHashSet<>(tags);
    this.updatedAt = Objects.requireNonNull(now, "time must not be null");
  }

  /**
   * Starts a new version; the listed version, if any, stays listed until the new one is approved.
   */
  public DatasetVersion addVersion(String fileName, Instant now) {
    DatasetVersion latest = latestVersion();
    if (!latest.state().isFinal()) {
      throw new IllegalStateException(
          "version " + latest.number() + " is still " + latest.state() + ": wait for it to finish");
    }
    DatasetVersion next = new DatasetVersion(this, latest.number() + 1, fileName, now);
    versions.add(next);
    syncState(now);
    return next;
  }

  public void uploadCompleted(int version, long bytes, Instant now) {
    version(version).uploadCompleted(bytes, now);
    syncState(now);
  }

  public void inspectionPassed(int version, Manifest manifest, Instant now) {
    version(version).inspectionPassed(manifest, now);
    syncState(now);
  }

  public void contentStored(int version, StoredContent content, Instant now) {
    version(version).contentStored(content, now);
    syncState(now);
  }

  /** Ends a version in processing: bad input, or storage that failed for good. */
  public void processingFailed(int version, RejectionReason reason, Instant now) {
    if (reason.code() == RejectionCode.REJECTED_IN_REVIEW) {
      throw new IllegalArgumentException("a review rejection goes through rejectInReview");
    }
    version(version).reject(reason, now);
    syncState(now);
  }

  public void reportProgress(int version, int percent, Instant now) {
    version(version).progress(percent, now);
    this.updatedAt = now;
  }

  /** An admin approves a version in review: it becomes the listed version. */
  public void approve(int version, String reviewer, Instant now) {
    DatasetVersion v = version(version);
    v.approve(reviewer, now);
    this.listedVersion = v.number();
    if (state != DatasetState.UNLISTED) {
      this.unlistReason = null;
    }
    syncState(now);
  }

  public void rejectInReview(int version, String reviewer, String why, Instant now) {
    Objects.requireNonNull(why, "a review rejection needs a reason");
    if (why.isBlank()) {
      throw new IllegalArgumentException("a review rejection needs a reason");
    }
    version(version).rejectInReview(reviewer, why.strip(), now);
    syncState(now);
  }

  /** Takes a listed dataset off the catalog; buyers who bought it keep their access. */
  public void unlist(String why, Instant now) {
    if (state != DatasetState.LISTED) {
      throw new IllegalStateException(
          "only a listed dataset can be unlisted, this one is " + state);
    }
    Objects.requireNonNull(why, "unlisting needs a reason");
    this.unlistReason = why.strip();
    this.state = DatasetState.UNLISTED;
    this.updatedAt = now;
  }

  public void relist(Instant now) {
    if (state != DatasetState.UNLISTED) {
      throw new IllegalStateException(
          "only an unlisted dataset can be relisted, this one is " + state);
    }
    this.unlistReason = null;
    this.state = DatasetState.LISTED;
    this.updatedAt = now;
  }

  private void syncState(Instant now) {
    this.updatedAt = Objects.requireNonNull(now, "time must not be null");
    if (listedVersion != null) {
      if (state != DatasetState.UNLISTED) {
        state = DatasetState.LISTED;
      }
      return;
    }
    state =
        switch (latestVersion().state()) {
          case UPLOADING -> DatasetState.UPLOADING;
          case INSPECTING -> DatasetState.INSPECTING;
          case STORING -> DatasetState.STORING;
          case PENDING_REVIEW -> DatasetState.PENDING_REVIEW;
          case REJECTED -> DatasetState.REJECTED;
          case APPROVED -> DatasetState.LISTED;
        };
  }

  // --- queries ---

  public DatasetId id() {
    return new DatasetId(id);
  }

  public ContributorId owner() {
    return owner;
  }

  public boolean isOwnedBy(ContributorId contributor) {
    return owner.equals(contributor);
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public SpdxLicense license() {
    return license;
  }

  public Set<Tag> tags() {
    return Collections.unmodifiableSet(tags);
  }

  public DatasetState state() {
    return state;
  }

  public Optional<String> unlistReason() {
    return Optional.ofNullable(unlistReason);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Every version, oldest first. */
  public List<DatasetVersion> versions() {
    return Collections.unmodifiableList(versions);
  }

  public DatasetVersion latestVersion() {
    return versions.get(versions.size() - 1);
  }

  public DatasetVersion version(int number) {
    return versions.stream()
        .filter(v -> v.number() == number)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("dataset " + id + " has no version " + number));
  }

  /** The version buyers see, once one was approved. */
  public Optional<DatasetVersion> listedVersion() {
    return listedVersion == null ? Optional.empty() : Optional.of(version(listedVersion));
  }

  /** An earlier version with exactly these bytes, so that a re-upload can be spotted. */
  public Optional<DatasetVersion> versionWithContent(ContentHash hash) {
    return versions.stream()
        .filter(v -> v.contentHash().filter(hash::equals).isPresent())
        .findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d && id.equals(d.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Dataset[" + id + " '" + title + "' " + state + "]";
  }
}
