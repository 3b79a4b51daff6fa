package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.List;

/**
 * The on-chain escrow of labeling rewards: budgets deposited before work starts, one settlement
 * root per epoch over cumulative entitlements, claims by or for labelers, refunds after the end.
 */
public interface RewardEscrow {

  /** Opens the campaign and deposits its budget from the funder's custodial wallet. */
  TxHash openCampaign(
      ChainOperationKey key,
      WalletKey funder,
      EscrowCampaignId campaign,
      TokenAmount budget,
      Instant endsAt);

  /** Adds to the budget from a custodial wallet. */
  TxHash deposit(
      ChainOperationKey key, WalletKey from, EscrowCampaignId campaign, TokenAmount amount);

  /**
   * Posts the epoch's settlement: one Merkle root over all labelers' cumulative entitlements.
   * Labelers with the same address must not appear twice.
   */
  Settlement postSettlement(
      ChainOperationKey key, EscrowCampaignId campaign, List<Entitlement> entitlements);

  /**
   * Pays {@code labeler} what the latest settlement entitles them to beyond what they were paid.
   * The platform sends (relays) the transaction and pays its gas; the money goes to the labeler.
   *
   * @param latestSettlement the entitlements of the settlement whose root is on chain now
   * @return the amount paid by this claim
   * @throws ChainRejectedException with reason {@code RewardEscrowNothingToClaim} if everything was
   *     paid already
   */
  Claim claim(
      ChainOperationKey key,
      EscrowCampaignId campaign,
      List<Entitlement> latestSettlement,
      WalletAddress labeler);

  /** Returns the budget no labeler is entitled to, after the end. */
  TxHash closeCampaign(ChainOperationKey key, WalletKey funder, EscrowCampaignId campaign);

  /** The campaign's books as the escrow keeps them. */
  CampaignBalance balance(EscrowCampaignId campaign);

  /** What {@code labeler} was paid in total in the campaign. */
  TokenAmount claimed(EscrowCampaignId campaign, WalletAddress labeler);

  /** A posted settlement. */
  record Settlement(long epoch, String merkleRoot, TokenAmount entitled, TxHash transaction) {}

  /** A paid claim. */
  record Claim(
      WalletAddress labeler, TokenAmount paid, TokenAmount cumulative, TxHash transaction) {}

  /** Deposited, promised (entitled), paid and refunded amounts, and the latest epoch. */
  record CampaignBalance(
      TokenAmount deposited,
      TokenAmount entitled,
      TokenAmount paid,
      TokenAmount refunded,
      long epoch,
      boolean closed) {}
}
