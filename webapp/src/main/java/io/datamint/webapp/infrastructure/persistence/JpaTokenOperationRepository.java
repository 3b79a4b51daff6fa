package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.tokenization.TokenOperation;
import io.datamint.domain.model.tokenization.TokenOperationKind;
import io.datamint.domain.model.tokenization.TokenOperationRepository;
import io.datamint.domain.model.tokenization.TokenStatus;
import io.datamint.domain.model.tokenization.VersionApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Token operations in {@code token_operation} through JPA. */
@ApplicationScoped
public class JpaTokenOperationRepository implements TokenOperationRepository {

  private static final List<TokenStatus> PENDING =
      List.of(TokenStatus.QUEUED, TokenStatus.SUBMITTED);
  private static final List<TokenStatus> DONE = List.of(TokenStatus.MINTED, TokenStatus.PUBLISHED);

  @PersistenceContext(unitName = "datamint")
  EntityManager em;

  @Override
  public Optional<TokenOperation> find(ChainOperationKey key) {
    return Optional.ofNullable(em.find(TokenOperation.class, key.value()));
  }

  @Override
  public List<TokenOperation> findByDataset(DatasetId dataset) {
    return em.createQuery(
            "select o from TokenOperation o where o.datasetId = :dataset"
                + " order by o.version, o.createdAt",
            TokenOperation.class)
        .setParameter("dataset", dataset.value())
        .getResultList();
  }

  @Override
  public Optional<TokenOperation> findByTransaction(TxHash hash) {
    return em.createQuery(
            "select o from TokenOperation o where o.transaction = :hash", TokenOperation.class)
        .setParameter("hash", hash.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<TokenOperation> findMint(ContractAddress dataNft, DataNftId token) {
    return em.createQuery(
            "select o from TokenOperation o where o.kind = :kind and o.dataNft = :nft"
                + " and o.tokenId = :token",
            TokenOperation.class)
        .setParameter("kind", TokenOperationKind.MINT)
        .setParameter("nft", dataNft.value())
        .setParameter("token", token.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ChainOperationKey> findDue(Instant now, int limit) {
    return em.createQuery(
            "select o.operationKey from TokenOperation o where o.status in :pending"
                + " and o.nextAttemptAt <= :now order by o.createdAt",
            String.class)
        .setParameter("pending", PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(ChainOperationKey::new)
        .toList();
  }

  @Override
  public List<TokenOperation> findTouchedFrom(long fromBlock) {
    return em.createQuery(
            "select o from TokenOperation o where o.confirmedBlock >= :from"
                + " or o.listingBlock >= :from"
                + " or (o.confirmedBlock is null and o.status in :done)",
            TokenOperation.class)
        .setParameter("from", fromBlock)
        .setParameter("done", DONE)
        .getResultList();
  }

  @Override
  public List<VersionApproved> findApprovedWithoutOperation(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT v.dataset_id, v.number FROM dataset_version v"
                    + " WHERE v.state = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM token_operation o"
                    + " WHERE o.dataset_id = v.dataset_id AND o.version_number = v.number)"
                    + " ORDER BY v.reviewed_at, v.number LIMIT ?1")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new VersionApproved(
                    new DatasetId(
                        r[0] instanceof UUID u ? u : UUID.fromString(String.valueOf(r[0]))),
                    ((Number) r[1]).intValue()))
        .toList();
  }

  @Override
  public void add(TokenOperation operation) {
    em.persist(operation);
  }

  @Override
  public void store(TokenOperation operation) {
    // loaded in this transaction: tracked already; loaded earlier: merged, the revision guarding
    if (!em.contains(operation)) {
      em.merge(operation);
    }
  }
}
