package io.datamint.domain.application;

import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.tokenization.VersionApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Use cases of publishing (flow 1): registering an upload as a dataset or a new version, each step
 * of its processing, and the review. Every method is one short transaction: load, call one verb of
 * the {@link Dataset}, store, log. The long work (inspection, encryption, IPFS) runs outside
 * transactions in {@link VersionProcessor}, which calls these steps between its stages.
 */
@ApplicationScoped
@Transactional
public class PublishingService {

  private static final Logger LOG = Logger.getLogger(PublishingService.class.getName());

  private DatasetRepository datasets;
  private Clock clock;

  /**
   * Tells observers (tokenization) about approvals inside the approval's transaction; null only
   * when the service is built outside CDI, as in unit tests.
   */
  @Inject Event<VersionApproved> approvals;

  /** A version waiting for its file, or in processing. */
  public record VersionRef(DatasetId dataset, int version, UUID versionId) {}

  /** What a contributor says about a dataset when uploading it. */
  public record Listing(String title, String description, SpdxLicense license, Set<Tag> tags) {}

  /** No dataset with this id is visible to the caller. */
  public static class UnknownDatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownDatasetException(DatasetId id) {
      super("no dataset " + id);
    }
  }

  /** The caller may see the dataset but not do this to it. */
  public static class NotPermittedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
      super(message);
    }
  }

  protected PublishingService() {
    // for CDI proxies
  }

  @Inject
  public PublishingService(DatasetRepository datasets, Clock clock) {
    this.datasets = datasets;
    this.clock = clock;
  }

  // --- contributors ---

  /** Registers a new dataset whose first version's file is being received. */
  public VersionRef startDataset(ContributorId owner, Listing listing, String fileName) {
    Dataset dataset =
        new Dataset(
            DatasetId.newId(),
            owner,
            listing.title(),
            listing.description(),
            listing.license(),
            listing.tags(),
            fileName,
            clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + dataset.id() + " registered by " + owner);
    return refOf(dataset, dataset.latestVersion());
  }

  /**
   * Adds a version to the caller's dataset.
   *
   * @throws UnknownDatasetException when the caller may not even see it
   * @throws NotPermittedException when someone else owns it
   * @throws IllegalStateException while the latest version is still in processing or review
   */
  public VersionRef startVersion(ContributorId caller, DatasetId id, String fileName) {
    Dataset dataset = visible(id, caller, false);
    if (!dataset.isOwnedBy(caller)) {
      throw new NotPermittedException("only the owner of a dataset may add versions to it");
    }
    DatasetVersion version = dataset.addVersion(fileName, clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + id + " version " + version.number() + " registered");
    return refOf(dataset, version);
  }

  /** The dataset as the caller may see it: the owner and admins always, others once listed. */
  public Dataset view(DatasetId id, ContributorId viewer, boolean admin) {
    return visible(id, viewer, admin);
  }

  public List<Dataset> ownedBy(ContributorId owner) {
    return datasets.findByOwner(owner);
  }

  // --- processing steps, called by VersionProcessor ---

  public Optional<Dataset> find(DatasetId id) {
    return datasets.find(id);
  }

  /** Versions that processing has not finished: resumed or failed after a restart. */
  public List<VersionRef> inFlight() {
    Map<UUID, VersionRef> refs = new LinkedHashMap<>();
    for (VersionState state : VersionState.values()) {
      if (!state.isProcessing()) {
        continue;
      }
      for (Dataset d : datasets.findWithVersionIn(state)) {
        d.versions().stream()
            .filter(v -> v.state() == state)
            .forEach(v -> refs.putIfAbsent(v.id(), refOf(d, v)));
      }
    }
    return new ArrayList<>(refs.values());
  }

  public void uploadCompleted(DatasetId id, int version, long bytes) {
    Dataset dataset = require(id);
    dataset.uploadCompleted(version, bytes, clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + id + " v" + version + ": " + bytes + " bytes received");
  }

  public void reportProgress(DatasetId id, int version, int percent) {
    Dataset dataset = require(id);
    if (dataset.version(version).state().isProcessing()) {
      dataset.reportProgress(version, percent, clock.instant());
      datasets.store(dataset);
    }
  }

  public void inspectionPassed(DatasetId id, int version, Manifest manifest) {
    Dataset dataset = require(id);
    dataset.inspectionPassed(version, manifest, clock.instant());
    datasets.store(dataset);
    LOG.info(
        () -> "dataset " + id + " v" + version + " inspected: " + manifest.itemCount() + " items");
  }

  public void contentStored(DatasetId id, int version, StoredContent content) {
    Dataset dataset = require(id);
    dataset.contentStored(version, content, clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + id + " v" + version + " stored (" + content + "), awaits review");
  }

  public void processingFailed(DatasetId id, int version, RejectionReason reason) {
    Dataset dataset = require(id);
    dataset.processingFailed(version, reason, clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + id + " v" + version + " rejected: " + reason);
  }

  // --- review ---

  /** Datasets with a version awaiting review, oldest change first. */
  public List<Dataset> reviewQueue() {
    return datasets.findWithVersionIn(VersionState.PENDING_REVIEW).stream()
        .sorted(Comparator.comparing(Dataset::updatedAt))
        .toList();
  }

  /**
   * Approves the version awaiting review; it becomes the listed version.
   *
   * @throws IllegalStateException when no version awaits review
   */
  public Dataset approve(DatasetId id, String reviewer) {
    Dataset dataset = require(id);
    int version = pendingReview(dataset);
    dataset.approve(version, reviewer, clock.instant());
    datasets.store(dataset);
    if (approvals != null) {
      approvals.fire(new VersionApproved(id, version));
    }
    LOG.info(() -> "dataset " + id + " v" + version + " approved by " + reviewer);
    return dataset;
  }

  /** Rejects the version awaiting review, with a reason the contributor will read. */
  public Dataset reject(DatasetId id, String reviewer, String why) {
    Dataset dataset = require(id);
    int version = pendingReview(dataset);
    dataset.rejectInReview(version, reviewer, why, clock.instant());
    datasets.store(dataset);
    LOG.info(() -> "dataset " + id + " v" + version + " rejected in review by " + reviewer);
    return dataset;
  }

  private static int pendingReview(Dataset dataset) {
    DatasetVersion latest = dataset.latestVersion();
    if (latest.state() != VersionState.PENDING_REVIEW) {
      throw new IllegalStateException(
          "no version of this dataset awaits review: version "
              + latest.number()
              + " is "
              + latest.state());
    }
    return latest.number();
  }

  private Dataset visible(DatasetId id, ContributorId viewer, boolean admin) {
    Dataset dataset = datasets.find(id).orElseThrow(() -> new UnknownDatasetException(id));
    boolean open = dataset.state() == DatasetState.LISTED;
    if (admin || open || dataset.isOwnedBy(viewer)) {
      return dataset;
    }
    throw new UnknownDatasetException(id);
  }

  private Dataset require(DatasetId id) {
    return datasets.find(id).orElseThrow(() -> new UnknownDatasetException(id));
  }

  private static VersionRef refOf(Dataset dataset, DatasetVersion version) {
    return new VersionRef(dataset.id(), version.number(), version.id());
  }
}
