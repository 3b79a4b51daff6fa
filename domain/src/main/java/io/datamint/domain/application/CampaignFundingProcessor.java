package io.datamint.domain.application;

import io.datamint.domain.application.CampaignService.EscrowWork;
import io.datamint.domain.model.campaign.WalletFunds;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.RewardEscrow.CampaignBalance;
import io.datamint.domain.model.chain.TxHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The campaign-budget kind of chain operation (the deposit that opens a campaign, the refund after
 * its end), worked off by the one {@link ChainOperationSchedule} like every other kind. Every chain
 * write is idempotent under the operation's key ({@code campaign:open:<id>}, with {@code :approve}
 * for the allowance), so an attempt after a crash finds the recorded transaction instead of
 * depositing twice.
 *
 * <p>The deposit: the owner's custodial wallet must hold the budget and gas ({@link WalletFunds}
 * makes sure, topping it up on a local chain), then {@code approve} + {@code openCampaign}; the
 * campaign opens only when the escrow's books, read back from the chain, show the budget deposited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CampaignFundingProcessor extends ChainOperationProcessor<EscrowWork> {

  private CampaignService campaigns;
  private RewardEscrow escrow;
  private WalletFunds funds;

  protected CampaignFundingProcessor() {
    // for CDI proxies
  }

  @Inject
  public CampaignFundingProcessor(
      CampaignService campaigns,
      RewardEscrow escrow,
      WalletFunds funds,
      PendingTransactionStore transactions) {
    super(transactions);
    this.campaigns = campaigns;
    this.escrow = escrow;
    this.funds = funds;
  }

  @Override
  public String name() {
    return "campaign escrow";
  }

  @Override
  public List<ChainOperationKey> due(int limit) {
    return campaigns.dueOperations(limit);
  }

  @Override
  public Optional<EscrowWork> claim(ChainOperationKey key) {
    return campaigns.claim(key);
  }

  @Override
  public void send(ChainOperationKey key, EscrowWork work) {
    switch (work.kind()) {
      case OPEN -> open(work);
      case REFUND ->
          campaigns.recordRefunded(key, escrow.closeCampaign(key, work.funder(), work.escrowId()));
      default ->
          throw new IllegalStateException(
              "a " + work.kind() + " operation is the rewards' (RewardOperationsProcessor)");
    }
  }

  @Override
  public void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded) {
    campaigns.recordPostponed(key, why, recorded);
  }

  @Override
  public void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded) {
    campaigns.recordFailed(key, reason, message, recorded);
  }

  private void open(EscrowWork work) {
    // after a crash between the deposit and its record the money is in already: top-ups and
    // checks are for the first deposit only, the deposit itself is found under its key
    if (escrow.balance(work.escrowId()).deposited().isZero()) {
      funds.ensure(work.key(), work.funder().address(), work.budget());
    }
    TxHash transaction =
        escrow.openCampaign(
            work.key(), work.funder(), work.escrowId(), work.budget(), work.endsAt());
    CampaignBalance books = escrow.balance(work.escrowId());
    if (books.deposited().compareTo(work.budget()) >= 0) {
      campaigns.recordOpened(work.key(), transaction);
    } else {
      campaigns.recordPostponed(
          work.key(),
          "the escrow shows "
              + books.deposited()
              + " deposited of "
              + work.budget()
              + " after "
              + transaction,
          Optional.of(transaction));
    }
  }
}
