package io.datamint.domain.application;

import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentKeys;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetInspector;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.ItemStore;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.Preview;
import io.datamint.domain.model.dataset.PublicMetadata;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.domain.model.dataset.UploadArea;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.domain.model.shared.WrappedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one uploaded version through inspection, encryption and storage on IPFS to review. Runs in
 * the background and outside any transaction (a 2 GiB file takes minutes); each finished stage is
 * recorded through {@link PublishingService} in its own short transaction.
 *
 * <p>Safe to run again on the same version at any time, which is how a restart resumes work: a
 * finished version is left alone; a version whose upload is gone fails cleanly; otherwise the stage
 * the version is in is redone from the upload. Items of an earlier run are deleted before
 * inspecting, and content keys are derived from the plaintext, so the same bytes give the same
 * items and the same CIDs, and what an interrupted run already pinned is the same pin.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class VersionProcessor {

  static final String INTERRUPTED = "processing was interrupted; upload again";
  private static final Logger LOG = Logger.getLogger(VersionProcessor.class.getName());
  private static final int PROGRESS_STEP = 5;

  private PublishingService publishing;
  private DatasetInspector inspector;
  private ItemStore items;
  private UploadArea uploads;
  private ContentKeys keys;
  private KeyWrapper wrapper;
  private ContentCipher cipher;
  private ContentStore store;
  private PublicMetadata metadata;

  protected VersionProcessor() {
    // for CDI proxies
  }

  @Inject
  public VersionProcessor(
      PublishingService publishing,
      DatasetInspector inspector,
      ItemStore items,
      UploadArea uploads,
      ContentKeys keys,
      KeyWrapper wrapper,
      ContentCipher cipher,
      ContentStore store,
      PublicMetadata metadata) {
    this.publishing = publishing;
    this.inspector = inspector;
    this.items = items;
    this.uploads = uploads;
    this.keys = keys;
    this.wrapper = wrapper;
    this.cipher = cipher;
    this.store = store;
    this.metadata = metadata;
  }

  /** Brings the version as far as it can go: pending review, or rejected with the reason. */
  public void process(VersionRef ref) {
    Optional<Dataset> found = publishing.find(ref.dataset());
    if (found.isEmpty() || !found.get().version(ref.version()).state().isProcessing()) {
      return;
    }
    DatasetVersion version = found.get().version(ref.version());
    Optional<Path> upload = uploads.completed(ref.versionId());
    if (upload.isEmpty()) {
      fail(ref, RejectionReason.of(RejectionCode.STORAGE_FAILED, INTERRUPTED), List.of());
      return;
    }
    List<Stored> stored = new ArrayList<>();
    try {
      run(ref, version, upload.get(), stored);
    } catch (ContentStoreException e) {
      LOG.log(Level.WARNING, "storing " + ref + " failed", e);
      fail(
          ref,
          RejectionReason.of(
              RejectionCode.STORAGE_FAILED,
              "storing on IPFS failed ("
                  + e.getMessage()
                  + "); the file itself may be fine: upload it again later"),
          stored);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "processing " + ref + " failed", e);
      fail(
          ref,
          RejectionReason.of(
              RejectionCode.STORAGE_FAILED,
              "processing failed on our side; the file itself may be fine: upload it again"),
          stored);
    }
  }

  private void run(VersionRef ref, DatasetVersion version, Path file, List<Stored> stored)
      throws IOException {
    VersionState state = version.state();
    if (state == VersionState.UPLOADING) {
      publishing.uploadCompleted(ref.dataset(), ref.version(), Files.size(file));
      state = VersionState.INSPECTING;
    }
    Preview preview;
    if (state == VersionState.INSPECTING) {
      Inspection inspection = inspect(ref, version.fileName(), file);
      if (inspection instanceof Inspection.Rejected rejected) {
        fail(ref, rejected.reason(), List.of());
        return;
      }
      Inspection.Accepted accepted = (Inspection.Accepted) inspection;
      publishing.inspectionPassed(ref.dataset(), ref.version(), accepted.manifest());
      preview = accepted.preview();
    } else {
      // resumed while storing: the items are in, only the preview is needed again (same bytes,
      // same preview)
      Inspection again = inspector.inspect(file, version.fileName(), ItemSink.discard());
      if (!(again instanceof Inspection.Accepted accepted)) {
        throw new IllegalStateException("the upload of " + ref + " changed since its inspection");
      }
      preview = accepted.preview();
    }
    storeContent(ref, file, preview, stored);
    uploads.discard(ref.versionId());
  }

  private Inspection inspect(VersionRef ref, String fileName, Path file) throws IOException {
    items.deleteAll(ref.versionId());
    Progress progress =
        new Progress(
            Files.size(file),
            PROGRESS_STEP,
            p -> publishing.reportProgress(ref.dataset(), ref.version(), p));
    try (ItemStore.Batch batch = items.open(ref.versionId())) {
      return inspector.inspect(
          file,
          fileName,
          new ItemSink() {
            @Override
            public void accept(Item item) {
              batch.accept(item);
              if (item.byteOffset() >= 0) {
                progress.advanceTo(item.byteOffset() + item.byteLength());
              }
            }

            @Override
            public void reached(long bytesRead) {
              progress.advanceTo(bytesRead);
            }
          });
    }
  }

  private void storeContent(VersionRef ref, Path file, Preview preview, List<Stored> stored)
      throws IOException {
    Dataset dataset = publishing.find(ref.dataset()).orElseThrow();
    DatasetVersion version = dataset.version(ref.version());
    Manifest manifest = version.manifest().orElseThrow();
    String reference = version.keyContext();
    DataKey key = keys.forContent(manifest.contentHash());
    try {
      WrappedKey wrapped = wrapper.wrap(key.bytes(), version.keyContext());
      long encryptedSize = cipher.ciphertextSize(Files.size(file));
      ContentSource encrypted =
          ContentSource.of(() -> cipher.encrypting(Files.newInputStream(file), key), encryptedSize);
      Progress progress =
          new Progress(
              encryptedSize,
              PROGRESS_STEP,
              p -> publishing.reportProgress(ref.dataset(), ref.version(), p));
      StoredObject content =
          keep(
              store.store(encrypted, reference + ":content", progress::advanceTo),
              reference + ":content",
              stored);
      StoredObject previewObject =
          keep(
              store.store(ContentSource.ofBytes(preview.bytes()), reference + ":preview", p -> {}),
              reference + ":preview",
              stored);
      byte[] document =
          metadata.compose(
              dataset, ref.version(), content.cid(), content.size(), previewObject.cid());
      StoredObject metadataObject =
          keep(
              store.store(ContentSource.ofBytes(document), reference + ":metadata", p -> {}),
              reference + ":metadata",
              stored);
      publishing.contentStored(
          ref.dataset(),
          ref.version(),
          new StoredContent(
              content.cid(), content.size(), previewObject.cid(), metadataObject.cid(), wrapped));
    } finally {
      key.destroy();
    }
  }

  private static StoredObject keep(StoredObject object, String reference, List<Stored> stored) {
    stored.add(new Stored(object.cid(), reference));
    return object;
  }

  /** Rejects the version and leaves nothing behind: no items, no pins, no upload. */
  private void fail(VersionRef ref, RejectionReason reason, List<Stored> stored) {
    for (Stored s : stored) {
      try {
        store.release(s.cid(), s.reference());
      } catch (RuntimeException e) {
        // the ledger record goes first, so a pin Kubo still holds is an orphan the reconciler
        // removes
        LOG.log(Level.WARNING, "could not release " + s.cid() + " for " + s.reference(), e);
      }
    }
    try {
      items.deleteAll(ref.versionId());
      publishing.processingFailed(ref.dataset(), ref.version(), reason);
      uploads.discard(ref.versionId());
    } catch (RuntimeException e) {
      // the version stays in processing; the next start resumes or fails it
      LOG.log(Level.SEVERE, "could not record the failure of " + ref, e);
    }
  }

  private record Stored(Cid cid, String reference) {}
}
