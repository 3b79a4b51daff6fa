package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which item ids a dataset version holds, for checking a campaign's gold items before it is created
 * (a contributor's CSV of gold answers names items by id, and a typo should be reported with its
 * line, not as a failed creation).
 */
public interface VersionItems {

  /** The ids among {@code items} that are not items of the version. */
  Set<ItemId> missing(UUID versionId, Collection<ItemId> items);
}
