package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.dataset.ContributorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where campaigns and their escrow operations live. Implemented with JPA in the webapp. */
public interface CampaignRepository {

  Optional<Campaign> find(CampaignId id);

  /** The owner's campaigns, newest first. */
  List<Campaign> findByOwner(ContributorId owner);

  /** Campaigns in a state, oldest first (e.g. OPEN ones for labelers). */
  List<Campaign> findByState(CampaignState state, int limit);

  /** OPEN or PAUSED campaigns whose deadline is at or before {@code now}. */
  List<Campaign> findRunningPastDeadline(Instant now, int limit);

  void add(Campaign campaign);

  void store(Campaign campaign);

  Optional<EscrowOperation> findOperation(ChainOperationKey key);

  /** The campaign's operations, oldest first. */
  List<EscrowOperation> findOperations(CampaignId campaign);

  /** Keys of pending operations of the given kinds due at {@code now}, oldest first. */
  List<ChainOperationKey> findDueOperations(Instant now, Set<EscrowOperationKind> kinds, int limit);

  void add(EscrowOperation operation);

  void store(EscrowOperation operation);
}
