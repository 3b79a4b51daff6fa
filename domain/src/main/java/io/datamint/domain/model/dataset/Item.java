package io.datamint.domain.model.dataset;

import java.util.Objects;

/**
 * One unit of data inside a version (a CSV row, a JSON element, an image, a text file in an
 * archive) and where to find it again in the plaintext file, so that a labeling task can fetch it
 * without re-reading everything.
 *
 * @param locator human-readable place, e.g. {@code line 12} or {@code entry cats/001.png}
 * @param byteOffset offset of the item's bytes in the file; for an entry of a ZIP archive the
 *     offset of its local header (the entry is compressed there); -1 when unknown (CSV records,
 *     which are found by line, and archives inspected before offsets were recorded)
 * @param byteLength length of the item's bytes (uncompressed)
 */
public record Item(
    ItemId id, String locator, ContentHash contentHash, long byteOffset, long byteLength) {

  public Item {
    Objects.requireNonNull(id, "item id must not be null");
    Objects.requireNonNull(locator, "locator must not be null");
    Objects.requireNonNull(contentHash, "content hash must not be null");
    if (byteLength < 0) {
      throw new IllegalArgumentException("byte length must not be negative");
    }
  }

  public long ordinal() {
    return id.ordinal();
  }
}
