package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an upload enters the publish flow, for the browser and the REST API alike: the bytes are
 * streamed to the upload area first (never held in memory), then the use case registers the dataset
 * or version, the file becomes that version's upload and the worker takes it. A file that no
 * version took is deleted, so a refused registration or an abandoned form leaves nothing behind.
 */
@ApplicationScoped
public class UploadIntake {

  private LocalUploadArea area;
  private UploadSettings settings;
  private PublishingService publishing;
  private PublishingWorker worker;

  /** A file on disk that no version has taken yet. */
  public record ReceivedFile(Path path, String fileName, long bytes) {
    public ReceivedFile {
      Objects.requireNonNull(path, "path must not be null");
      Objects.requireNonNull(fileName, "file name must not be null");
    }
  }

  protected UploadIntake() {
    // for CDI proxies
  }

  @Inject
  public UploadIntake(
      LocalUploadArea area,
      UploadSettings settings,
      PublishingService publishing,
      PublishingWorker worker) {
    this.area = area;
    this.settings = settings;
    this.publishing = publishing;
    this.worker = worker;
  }

  /** The largest file accepted, in bytes. */
  public long maxBytes() {
    return settings.maxBytes();
  }

  /**
   * Streams an upload to disk.
   *
   * @throws LocalUploadArea.TooLargeException as soon as more than {@link #maxBytes()} arrive;
   *     nothing is kept
   * @throws IllegalArgumentException when the file has no name (its extension says the format)
   */
  public ReceivedFile receive(InputStream content, String fileName) throws IOException {
    if (fileName == null || fileName.isBlank()) {
      content.close();
      throw new IllegalArgumentException(
          "the file needs a file name (its extension says the format)");
    }
    Path path = area.receive(content, settings.maxBytes());
    return new ReceivedFile(path, fileName.strip(), java.nio.file.Files.size(path));
  }

  /** Publishes the received file as the first version of a new dataset. */
  public VersionRef publishDataset(ContributorId owner, Listing listing, ReceivedFile file)
      throws IOException {
    return handOver(file, () -> publishing.startDataset(owner, listing, file.fileName()));
  }

  /** Publishes the received file as a new version of the owner's dataset. */
  public VersionRef publishVersion(ContributorId owner, DatasetId dataset, ReceivedFile file)
      throws IOException {
    return handOver(file, () -> publishing.startVersion(owner, dataset, file.fileName()));
  }

  /** Deletes a received file that will not be published (the form was left or cleared). */
  public void abandon(ReceivedFile file) {
    area.abandon(file.path());
  }

  private VersionRef handOver(ReceivedFile file, Registration registration) throws IOException {
    VersionRef ref;
    try {
      ref = registration.register();
      area.accept(file.path(), ref.versionId());
    } catch (IOException | RuntimeException e) {
      area.abandon(file.path());
      throw e;
    }
    worker.submit(ref);
    return ref;
  }

  @FunctionalInterface
  private interface Registration {
    VersionRef register();
  }
}
