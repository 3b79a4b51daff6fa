package io.datamint.domain.application;

import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.StoredContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a version's public preview back from IPFS for the dataset page. The preview is stored in
 * clear and holds no personal data (masked when it was built), but it is still shown only to those
 * who may see the dataset: a version under review is not public yet.
 */
@ApplicationScoped
public class DatasetPreviews {

  /** Previews are a few rows or thumbnails; anything larger is not what we stored. */
  static final int MAX_PREVIEW_BYTES = 4 * 1024 * 1024;

  private PublishingService publishing;
  private ContentStore store;

  protected DatasetPreviews() {
    // for CDI proxies
  }

  @Inject
  public DatasetPreviews(PublishingService publishing, ContentStore store) {
    this.publishing = publishing;
    this.store = store;
  }

  /**
   * The preview document of a stored version, or empty while the version has no stored content.
   *
   * @throws PublishingService.UnknownDatasetException when the viewer may not see the dataset
   * @throws io.datamint.domain.model.dataset.ContentStoreException when IPFS cannot be reached
   */
  public Optional<byte[]> preview(DatasetId id, int version, ContributorId viewer, boolean admin) {
    Dataset dataset = publishing.view(id, viewer, admin);
    Optional<StoredContent> stored = dataset.version(version).storedContent();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = store.open(stored.get().previewCid())) {
      byte[] bytes = in.readNBytes(MAX_PREVIEW_BYTES + 1);
      if (bytes.length > MAX_PREVIEW_BYTES) {
        throw new IllegalStateException("the stored preview is larger than a preview can be");
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the preview from IPFS", e);
    }
  }
}
