package io.datamint.domain.model.dataset;

/**
 * Where a dataset stands. Before its first approval it follows its latest version through
 * processing and review; once approved it is {@link #LISTED} or {@link #UNLISTED}, and later
 * versions go through processing and review without hiding the listed one.
 */
public enum DatasetState {
  UPLOADING,
  INSPECTING,
  /** Encrypting and adding to IPFS: one streamed step, so one state. */
  STORING,
  REJECTED,
  PENDING_REVIEW,
  LISTED,
  UNLISTED;

  public boolean isProcessing() {
    return this == UPLOADING || this == INSPECTING || this == STORING;
  }
}
