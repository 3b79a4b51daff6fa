package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.dataset.ContributorId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Campaigns in {@code campaign} and their escrow operations in {@code campaign_operation}. */
@ApplicationScoped
public class JpaCampaignRepository implements CampaignRepository {

  private static final List<EscrowOperationStatus> PENDING =
      List.of(EscrowOperationStatus.QUEUED, EscrowOperationStatus.SUBMITTED);
  private static final List<CampaignState> RUNNING =
      List.of(CampaignState.OPEN, CampaignState.PAUSED);

  @PersistenceContext(unitName = "datamint")
  EntityManager em;

  @Override
  public Optional<Campaign> find(CampaignId id) {
    return Optional.ofNullable(em.find(Campaign.class, id.value()));
  }

  @Override
  public List<Campaign> findByOwner(ContributorId owner) {
    return em.createQuery(
            "select c from Campaign c where c.owner = :owner order by c.createdAt desc",
            Campaign.class)
        .setParameter("owner", owner.value())
        .getResultList();
  }

  @Override
  public List<Campaign> findByState(CampaignState state, int limit) {
    return em.createQuery(
            "select c from Campaign c where c.state = :state order by c.createdAt", Campaign.class)
        .setParameter("state", state)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Campaign> findRunningPastDeadline(Instant now, int limit) {
    return em.createQuery(
            "select c from Campaign c where c.state in :running and c.deadline <= :now"
                + " order by c.deadline",
            Campaign.class)
        .setParameter("running", RUNNING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(Campaign campaign) {
    em.persist(campaign);
    // the task queue's rows refer to it: it must be in the database before they are written
    em.flush();
  }

  @Override
  public void store(Campaign campaign) {
    em.merge(campaign);
  }

  @Override
  public Optional<EscrowOperation> findOperation(ChainOperationKey key) {
    return Optional.ofNullable(em.find(EscrowOperation.class, key.value()));
  }

  @Override
  public List<EscrowOperation> findOperations(CampaignId campaign) {
    return em.createQuery(
            "select o from EscrowOperation o where o.campaignId = :campaign order by o.createdAt",
            EscrowOperation.class)
        .setParameter("campaign", campaign.value())
        .getResultList();
  }

  @Override
  public List<ChainOperationKey> findDueOperations(
      Instant now, Set<EscrowOperationKind> kinds, int limit) {
    return em.createQuery(
            "select o.operationKey from EscrowOperation o where o.status in :pending"
                + " and o.kind in :kinds and o.nextAttemptAt <= :now order by o.createdAt",
            String.class)
        .setParameter("pending", PENDING)
        .setParameter("kinds", kinds)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(ChainOperationKey::new)
        .toList();
  }

  @Override
  public void add(EscrowOperation operation) {
    em.persist(operation);
  }

  @Override
  public void store(EscrowOperation operation) {
    em.merge(operation);
  }
}
