package io.datamint.domain.application;

import io.datamint.domain.application.CampaignService.EscrowWork;
import io.datamint.domain.model.campaign.WalletFunds;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.RewardEscrow.CampaignBalance;
import io.datamint.domain.model.chain.TxHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the campaigns' escrow operations exactly as {@link TokenizationProcessor} works off
 * mints: claim a due operation (short transaction), call the chain outside any transaction, record
 * the outcome. Every chain write is idempotent under the operation's key ({@code
 * campaign:open:<id>}, with {@code :approve} for the allowance), so an attempt after a crash finds
 * the recorded transaction instead of depositing twice.
 *
 * <p>The deposit: the owner's custodial wallet must hold the budget and gas ({@link WalletFunds}
 * makes sure, topping it up on a local chain), then {@code approve} + {@code openCampaign}; the
 * campaign opens only when the escrow's books, read back from the chain, show the budget deposited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CampaignFundingProcessor {

  private static final Logger LOG = Logger.getLogger(CampaignFundingProcessor.class.getName());

  private CampaignService campaigns;
  private RewardEscrow escrow;
  private WalletFunds funds;
  private PendingTransactionStore transactions;

  protected CampaignFundingProcessor() {
    // for CDI proxies
  }

  @Inject
  public CampaignFundingProcessor(
      CampaignService campaigns,
      RewardEscrow escrow,
      WalletFunds funds,
      PendingTransactionStore transactions) {
    this.campaigns = campaigns;
    this.escrow = escrow;
    this.funds = funds;
    this.transactions = transactions;
  }

  /**
   * Attempts every due operation, at most {@code limit}.
   *
   * @return how many were attempted
   */
  public int processDue(int limit) {
    List<ChainOperationKey> due = campaigns.dueOperations(limit);
    int attempted = 0;
    for (ChainOperationKey key : due) {
      if (process(key)) {
        attempted++;
      }
    }
    return attempted;
  }

  /**
   * One attempt at one operation.
   *
   * @return false when there was nothing to do
   */
  public boolean process(ChainOperationKey key) {
    Optional<EscrowWork> claimed;
    try {
      claimed = campaigns.claim(key);
    } catch (RuntimeException e) {
      // most likely another worker claimed it at the same moment (optimistic lock)
      LOG.log(Level.FINE, "campaign escrow: could not claim " + key, e);
      return false;
    }
    if (claimed.isEmpty()) {
      return false;
    }
    EscrowWork work = claimed.get();
    try {
      switch (work.kind()) {
        case OPEN -> open(work);
        case REFUND ->
            campaigns.recordRefunded(
                key, escrow.closeCampaign(key, work.funder(), work.escrowId()));
      }
    } catch (ChainUnavailableException e) {
      campaigns.recordPostponed(
          key, "the chain is unavailable: " + e.getMessage(), recorded(key, false));
    } catch (ChainRejectedException e) {
      campaigns.recordFailed(key, e.reason(), e.getMessage(), recorded(key, true));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "campaign escrow: " + key + " stopped unexpectedly", e);
      campaigns.recordPostponed(key, "unexpected error: " + e, recorded(key, false));
    }
    return true;
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

  private Optional<TxHash> recorded(ChainOperationKey key, boolean includeReverted) {
    try {
      return transactions
          .find(key)
          .filter(
              t ->
                  t.status() == PendingTransaction.Status.SENT
                      || t.status() == PendingTransaction.Status.CONFIRMED
                      || (includeReverted && t.status() == PendingTransaction.Status.FAILED))
          .map(PendingTransaction::hash);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
