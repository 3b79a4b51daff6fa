package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plaintext of one item of a stored version, as a labeler sees it. The content is encrypted on
 * IPFS; the adapter decrypts the version with its data key, finds the item and checks it against
 * the item's content hash. Callers decide who may see it (a labeler holding a live lease on it).
 */
public interface ItemContents {

  /**
   * @throws IllegalStateException when the version's format is not served to labelers yet, or the
   *     item cannot be found in the content
   */
  TaskContent contentOf(Dataset dataset, DatasetVersion version, Item item);

  /**
   * The contents of many items of one version (for validation), in the order given. An adapter
   * reads them in one pass where the format allows; this default reads them one by one.
   *
   * @throws IllegalStateException as {@link #contentOf} does, for the first item that fails
   */
  default Map<ItemId, TaskContent> contentsOf(
      Dataset dataset, DatasetVersion version, Collection<Item> items) {
    Map<ItemId, TaskContent> contents = new LinkedHashMap<>();
    for (Item item : items) {
      contents.put(item.id(), contentOf(dataset, version, item));
    }
    return contents;
  }
}
