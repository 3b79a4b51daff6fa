package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the payout ledger lives: credits (one per accepted regular label, unique per label),
 * settlements with their exact leaves, and the payments seen on chain. Implemented with JDBC on
 * PostgreSQL in the web application; every method joins the caller's transaction.
 */
public interface PayoutLedger {

  // --- credits ---

  /** Campaigns with accepted regular labels that have no credit yet. */
  List<CampaignId> campaignsWithUncreditedLabels(int limit);

  /**
   * Locks the campaign's ledger until the transaction ends, so that crediting (which reads the
   * credited sum) and snapshots (which read the entitlements) of one campaign never interleave.
   */
  void lock(CampaignId campaign);

  /**
   * Accepted regular labels of the campaign without a credit, in the order they were submitted,
   * with their labeler's custodial wallet; labels of labelers without an account are left out.
   */
  List<AcceptedLabel> uncreditedLabels(CampaignId campaign, int limit);

  /** The sum of the campaign's credits. */
  TokenAmount credited(CampaignId campaign);

  /** Adds credits; one that exists already for its label is left as it is. */
  void add(List<Credit> credits);

  /**
   * How many credits of the campaign pay something (each label at most one; labels that earned
   * nothing because the budget was spent need no settlement and are not counted).
   */
  long creditCount(CampaignId campaign);

  /** Cumulative credit per wallet in the campaign. */
  Map<WalletAddress, TokenAmount> entitlements(CampaignId campaign);

  /**
   * Regular labels the escrow must not be closed before: not validated yet (PENDING), accepted but
   * not credited, or credited with a reward that no posted root includes yet.
   */
  long unsettledLabels(CampaignId campaign);

  // --- settlements ---

  /**
   * Funded campaigns whose escrow is not closed, which have credits that the latest settlement does
   * not cover and no claim on its way (a new root would make its proof stale).
   */
  List<CampaignId> campaignsToSettle(int limit);

  Optional<Settlement> latestSettlement(CampaignId campaign);

  Optional<Settlement> latestPostedSettlement(CampaignId campaign);

  Optional<Settlement> settlement(CampaignId campaign, int epoch);

  /** Stores the snapshot with its leaves (before its root is sent). */
  void add(Settlement settlement);

  /** The settlement's root is on chain in {@code transaction}. */
  void settlementPosted(
      CampaignId campaign, int epoch, String merkleRoot, TxHash transaction, Instant at);

  // --- payments ---

  /**
   * Records a payment seen on chain; one recorded already (same transaction, campaign and wallet)
   * only gets its block filled in.
   *
   * @return whether it was new
   */
  boolean record(PaidClaim claim);

  /** What the wallet was paid in the campaign in total: the largest cumulative amount seen. */
  TokenAmount claimed(CampaignId campaign, WalletAddress wallet);

  /** The transactions that paid the wallet in the campaign, oldest first. */
  List<TxHash> claimTransactions(CampaignId campaign, WalletAddress wallet);

  /** Forgets payments seen in blocks from {@code fromBlock} on (a reorganisation). */
  int forgetPaymentsFrom(long fromBlock);

  // --- reading ---

  /** Campaigns in which the wallet has credits or was paid, newest first. */
  List<CampaignId> campaignsOf(WalletAddress wallet);

  /** The wallet's accepted labels in the campaign that earned nothing (budget spent). */
  long unpaidLabels(CampaignId campaign, WalletAddress wallet);

  /** The operation whose transaction (recorded by the chain adapter) is {@code hash}. */
  Optional<ChainOperationKey> operationOf(TxHash hash);
}
