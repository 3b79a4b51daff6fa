package io.datamint.domain.model.dataset;

import java.util.List;
import java.util.Optional;

/** Where datasets are kept. Implemented with JPA in the webapp. */
public interface DatasetRepository {

  Optional<Dataset> find(DatasetId id);

  List<Dataset> findByOwner(ContributorId owner);

  List<Dataset> findByState(DatasetState state);

  /**
   * Datasets with a version in the given state: the review queue ({@link
   * VersionState#PENDING_REVIEW}) and, after a restart, the work to resume or fail ({@link
   * VersionState#isProcessing()}).
   */
  List<Dataset> findWithVersionIn(VersionState state);

  void store(Dataset dataset);
}
