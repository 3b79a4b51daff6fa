package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.VersionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Datasets and their versions in PostgreSQL through JPA; items and pins are JDBC (batches). */
@ApplicationScoped
public class JpaDatasetRepository implements DatasetRepository {

  @PersistenceContext(unitName = "datamint")
  EntityManager em;

  @Override
  public Optional<Dataset> find(DatasetId id) {
    return Optional.ofNullable(em.find(Dataset.class, id.value()));
  }

  @Override
  public List<Dataset> findByOwner(ContributorId owner) {
    return em.createQuery(
            "select d from Dataset d where d.owner = :owner order by d.createdAt desc",
            Dataset.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  @Override
  public List<Dataset> findByState(DatasetState state) {
    return em.createQuery(
            "select d from Dataset d where d.state = :state order by d.updatedAt", Dataset.class)
        .setParameter("state", state)
        .getResultList();
  }

  @Override
  public List<Dataset> findWithVersionIn(VersionState state) {
    return em.createQuery(
            "select distinct d from Dataset d join d.versions v where v.state = :state",
            Dataset.class)
        .setParameter("state", state)
        .getResultList();
  }

  @Override
  public void store(Dataset dataset) {
    // a new aggregate is persisted; one loaded in this transaction is already tracked, and one
    // loaded earlier (detached) is merged, its revision guarding against lost updates
    if (em.contains(dataset)) {
      return;
    }
    if (em.find(Dataset.class, dataset.id().value()) == null) {
      em.persist(dataset);
    } else {
      em.merge(dataset);
    }
  }
}
