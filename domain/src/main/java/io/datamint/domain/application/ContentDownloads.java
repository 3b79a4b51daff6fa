package io.datamint.domain.application;

import io.datamint.domain.application.PublishingService.UnknownDatasetException;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.shared.KeyWrapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The plaintext of a stored version, decrypted on the fly from IPFS. For now its owner and admins
 * (reviewers must be able to look inside); buyers with an order come with the purchase flow.
 */
@ApplicationScoped
@Transactional
public class ContentDownloads {

  private static final Logger LOG = Logger.getLogger(ContentDownloads.class.getName());

  private DatasetRepository datasets;
  private ContentStore store;
  private KeyWrapper wrapper;
  private ContentCipher cipher;

  /** A version's plaintext and what to call it. */
  public record Download(String fileName, long bytes, InputStream content) {}

  protected ContentDownloads() {
    // for CDI proxies
  }

  @Inject
  public ContentDownloads(
      DatasetRepository datasets, ContentStore store, KeyWrapper wrapper, ContentCipher cipher) {
    this.datasets = datasets;
    this.store = store;
    this.wrapper = wrapper;
    this.cipher = cipher;
  }

  /**
   * Opens the version's plaintext; the caller closes the stream, which also destroys the key. A
   * read fails with an {@link IOException} if the stored ciphertext was altered.
   *
   * @throws UnknownDatasetException when the dataset or version is not the caller's to read
   * @throws IllegalStateException when the version has no stored content (yet)
   */
  public Download open(DatasetId id, int versionNumber, ContributorId caller, boolean admin) {
    Dataset dataset = datasets.find(id).orElseThrow(() -> new UnknownDatasetException(id));
    if (!admin && !dataset.isOwnedBy(caller)) {
      throw new UnknownDatasetException(id);
    }
    DatasetVersion version =
        dataset.versions().stream()
            .filter(v -> v.number() == versionNumber)
            .findFirst()
            .orElseThrow(() -> new UnknownDatasetException(id));
    StoredContent stored =
        version
            .storedContent()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "version "
                            + versionNumber
                            + " has no stored content: it is "
                            + version.state()));
    DataKey key = unwrap(stored, version);
    InputStream plaintext = cipher.decrypting(store.open(stored.contentCid()), key);
    LOG.info(() -> "dataset " + id + " v" + versionNumber + " opened by " + caller);
    return new Download(
        version.fileName(),
        version.manifest().orElseThrow().byteSize(),
        new FilterInputStream(plaintext) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              key.destroy();
            }
          }
        });
  }

  private DataKey unwrap(StoredContent stored, DatasetVersion version) {
    byte[] raw;
    try {
      raw = wrapper.unwrap(stored.wrappedDataKey(), version.keyContext());
    } catch (GeneralSecurityException e) {
      // a key the master keys do not open is a configuration fault, not the caller's
      throw new SecurityException(
          "the data key of " + version.keyContext() + " does not unwrap", e);
    }
    try {
      return new DataKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
