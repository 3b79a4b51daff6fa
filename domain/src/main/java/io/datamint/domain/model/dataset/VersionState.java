package io.datamint.domain.model.dataset;

/** Where one version of a dataset stands in processing and review. */
public enum VersionState {
  UPLOADING,
  INSPECTING,
  STORING,
  PENDING_REVIEW,
  APPROVED,
  REJECTED;

  /** Work the application still has to do (resume or fail cleanly after a restart). */
  public boolean isProcessing() {
    return this == UPLOADING || this == INSPECTING || this == STORING;
  }

  public boolean isFinal() {
    return this == APPROVED || this == REJECTED;
  }
}
