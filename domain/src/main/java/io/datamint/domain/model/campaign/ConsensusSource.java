package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import java.util.Objects;

/** The version a campaign labeled, as much as writing its consensus version needs to know. */
public record ConsensusSource(
    DatasetId dataset, ContributorId owner, int version, ContentFormat format) {

  public ConsensusSource {
    Objects.requireNonNull(dataset, "dataset must not be null");
    Objects.requireNonNull(owner, "owner must not be null");
    Objects.requireNonNull(format, "format must not be null");
  }
}
