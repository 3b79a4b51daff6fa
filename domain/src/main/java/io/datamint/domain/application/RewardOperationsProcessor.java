package io.datamint.domain.application;

import io.datamint.domain.application.RewardService.RewardWork;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.TxHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The rewards' kind of chain operation, worked off by the one {@link ChainOperationSchedule}: a
 * settlement posts the Merkle root of its stored leaves ({@code postSettlement}, signed by the
 * platform's validator key), a claim is relayed by the platform for a custodial wallet with the
 * proof from the latest posted leaves. Both are idempotent under their keys: after a crash the
 * adapter finds the transaction recorded under the key and waits for it, or broadcasts the same
 * signed bytes again, so one snapshot never gets a second root and one claim never a second
 * payment.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class RewardOperationsProcessor extends ChainOperationProcessor<RewardWork> {

  private RewardService rewards;
  private CampaignService campaigns;
  private RewardEscrow escrow;

  protected RewardOperationsProcessor() {
    // for CDI proxies
  }

  @Inject
  public RewardOperationsProcessor(
      RewardService rewards,
      CampaignService campaigns,
      RewardEscrow escrow,
      PendingTransactionStore transactions) {
    super(transactions);
    this.rewards = rewards;
    this.campaigns = campaigns;
    this.escrow = escrow;
  }

  @Override
  public String name() {
    return "rewards";
  }

  @Override
  public List<ChainOperationKey> due(int limit) {
    return rewards.dueOperations(limit);
  }

  @Override
  public Optional<RewardWork> claim(ChainOperationKey key) {
    return rewards.claim(key);
  }

  @Override
  public void send(ChainOperationKey key, RewardWork work) {
    switch (work.kind()) {
      case SETTLE ->
          rewards.recordSettled(key, escrow.postSettlement(key, work.escrowId(), work.leaves()));
      case CLAIM ->
          rewards.recordClaimed(
              key, escrow.claim(key, work.escrowId(), work.leaves(), work.labeler().orElseThrow()));
      default -> throw new IllegalStateException("a " + work.kind() + " is the campaign funding's");
    }
  }

  @Override
  public void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded) {
    // settlements and claims are escrow operations: recorded as the deposits and refunds are
    campaigns.recordPostponed(key, why, recorded);
  }

  @Override
  public void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded) {
    campaigns.recordFailed(key, reason, message, recorded);
  }
}
