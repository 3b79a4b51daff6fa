package io.datamint.domain.model.tokenization;

import io.datamint.domain.model.dataset.DatasetId;
import java.util.Objects;

/**
 * A dataset version was approved by an admin. Fired (as a CDI event) inside the approval's
 * transaction, so that the tokenization it calls for is recorded together with the approval.
 */
public record VersionApproved(DatasetId dataset, int version) {

  public VersionApproved {
    Objects.requireNonNull(dataset, "dataset must not be null");
    if (version < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
  }
}
