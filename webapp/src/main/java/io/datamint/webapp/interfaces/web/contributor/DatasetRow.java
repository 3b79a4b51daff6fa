package io.datamint.webapp.interfaces.web.contributor;

import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import java.time.Instant;

/** A line of the contributor's dataset list. */
public record DatasetRow(
    String id,
    String title,
    String state,
    int latestVersion,
    String versionState,
    int progress,
    boolean processing,
    Instant updatedAt) {

  public static DatasetRow of(Dataset dataset) {
    DatasetVersion latest = dataset.latestVersion();
    return new DatasetRow(
        dataset.id().toString(),
        dataset.title(),
        dataset.state().name(),
        latest.number(),
        latest.state().name(),
        latest.progressPercent(),
        latest.state().isProcessing(),
        dataset.updatedAt());
  }
}
