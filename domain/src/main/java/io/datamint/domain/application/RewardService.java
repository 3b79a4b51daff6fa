package io.datamint.domain.application;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.reward.AcceptedLabel;
import io.datamint.domain.model.reward.Credit;
import io.datamint.domain.model.reward.PaidClaim;
import io.datamint.domain.model.reward.PayoutLedger;
import io.datamint.domain.model.reward.RewardBudget;
import io.datamint.domain.model.reward.RewardPosition;
import io.datamint.domain.model.reward.Settlement;
import io.datamint.domain.model.reward.SettlementPlan;
import io.datamint.domain.model.shared.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Use cases of the rewards (flow 4): credit accepted labels to the payout ledger, snapshot each
 * campaign's cumulative entitlements into a settlement epoch and queue its root, let a labeler ask
 * for a relayed claim, show a labeler's rewards, and reconcile what the escrow paid from its
 * events. The chain calls themselves are {@link RewardOperationsProcessor}'s, through the one
 * {@link ChainOperationSchedule}; here are the short transactions around them.
 *
 * <p>Why nothing pays twice: a credit is unique per label; a snapshot's leaves are stored in the
 * same transaction as its SETTLE operation, before anything is sent, and the operation's key
 * ({@code campaign:settle:<id>:<epoch>}) names the one signed transaction; no new snapshot is taken
 * while one is pending; the escrow pays only the difference between a root's cumulative amount and
 * what it paid; payments are recorded once per (transaction, campaign, wallet).
 */
@ApplicationScoped
@Transactional
public class RewardService {

  private static final Logger LOG = Logger.getLogger(RewardService.class.getName());

  /** Longer than the chain adapter waits for a receipt. */
  static final Duration OPERATION_LEASE = Duration.ofMinutes(5);

  private static final Set<EscrowOperationKind> REWARD_KINDS =
      Set.of(EscrowOperationKind.SETTLE, EscrowOperationKind.CLAIM);
  private static final int CREDITS_PER_CAMPAIGN = 1000;

  private PayoutLedger ledger;
  private CampaignRepository campaigns;
  private AccountRepository accounts;
  private Clock clock;

  /** A labeler asks for a claim with nothing to claim. */
  public static class NothingToClaimException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NothingToClaimException(String message) {
      super(message);
    }
  }

  /** One attempt's chain work for a settlement or a claim. */
  public record RewardWork(
      ChainOperationKey key,
      EscrowOperationKind kind,
      EscrowCampaignId escrowId,
      int epoch,
      List<Entitlement> leaves,
      Optional<WalletAddress> labeler) {

    public RewardWork {
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(escrowId, "escrow id must not be null");
      leaves = List.copyOf(leaves);
      if (kind == EscrowOperationKind.CLAIM && labeler.isEmpty()) {
        throw new IllegalArgumentException("a claim names its labeler");
      }
    }
  }

  protected RewardService() {
    // for CDI proxies
  }

  @Inject
  public RewardService(
      PayoutLedger ledger, CampaignRepository campaigns, AccountRepository accounts, Clock clock) {
    this.ledger = ledger;
    this.campaigns = campaigns;
    this.accounts = accounts;
    this.clock = clock;
  }

  // --- the ledger ---

  /** Campaigns with accepted regular labels that have no credit yet. */
  public List<CampaignId> campaignsToCredit(int limit) {
    return ledger.campaignsWithUncreditedLabels(limit);
  }

  /**
   * Credits the campaign's accepted regular labels that have no credit yet: the campaign's reward
   * each, while the deposited budget lasts (see {@link RewardBudget}). One transaction per
   * campaign, so that one campaign's trouble never holds up another's credits.
   *
   * @return how many labels were entered
   */
  public int credit(CampaignId id) {
    Optional<Campaign> campaign = campaigns.find(id);
    if (campaign.isEmpty() || !campaign.get().wasFunded()) {
      return 0;
    }
    ledger.lock(id);
    List<AcceptedLabel> labels = ledger.uncreditedLabels(id, CREDITS_PER_CAMPAIGN);
    if (labels.isEmpty()) {
      return 0;
    }
    List<Credit> credits =
        new RewardBudget(campaign.get().budget(), campaign.get().reward())
            .credit(ledger.credited(id), labels);
    ledger.add(credits);
    long spent = credits.stream().filter(Credit::budgetSpent).count();
    LOG.info(
        () ->
            "rewards: campaign "
                + id
                + ": "
                + credits.size()
                + " accepted labels credited"
                + (spent > 0 ? ", " + spent + " of them unpaid (budget spent)" : ""));
    return credits.size();
  }

  /**
   * Campaigns whose credits the latest settlement does not cover (funded, escrow not closed, no
   * claim on its way).
   */
  public List<CampaignId> campaignsToSettle(int limit) {
    return ledger.campaignsToSettle(limit);
  }

  /**
   * Takes a new settlement epoch of the campaign if its entitlements changed since its latest root:
   * stores the snapshot (the exact leaves) and queues the SETTLE operation in this one transaction,
   * so the root is only ever sent for a stored snapshot.
   *
   * @return whether a settlement was queued
   */
  public boolean settle(CampaignId id) {
    Instant now = clock.instant();
    ledger.lock(id);
    Optional<Settlement> next =
        SettlementPlan.next(
            id, ledger.latestSettlement(id), ledger.entitlements(id), ledger.creditCount(id), now);
    if (next.isEmpty()) {
      return false;
    }
    Settlement settlement = next.get();
    ChainOperationKey key = EscrowOperation.settleKey(id, settlement.epoch());
    if (campaigns.findOperation(key).isPresent()) {
      // an operation without its snapshot cannot happen (one transaction); never reuse a key
      throw new IllegalStateException("settlement operation " + key + " exists already");
    }
    ledger.add(settlement);
    campaigns.add(EscrowOperation.settle(id, settlement.epoch(), now));
    LOG.info(
        () ->
            "rewards: campaign "
                + id
                + " epoch "
                + settlement.epoch()
                + " queued: "
                + settlement.leaves().size()
                + " labelers, "
                + settlement.total()
                + " in total");
    return true;
  }

  // --- the rewards' chain operations, for RewardOperationsProcessor ---

  public List<ChainOperationKey> dueOperations(int limit) {
    return campaigns.findDueOperations(clock.instant(), REWARD_KINDS, limit);
  }

  /**
   * Takes a due settlement or claim for one attempt and reads what it sends.
   *
   * @return empty when not due, waiting, or impossible (then failed with the reason)
   */
  public Optional<RewardWork> claim(ChainOperationKey key) {
    Instant now = clock.instant();
    Optional<EscrowOperation> found =
        campaigns
            .findOperation(key)
            .filter(o -> REWARD_KINDS.contains(o.kind()))
            .filter(o -> o.isDue(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EscrowOperation operation = found.get();
    operation.claim(now, OPERATION_LEASE);
    CampaignId campaign = operation.campaign();
    int epoch = operation.epoch().orElseThrow();
    EscrowCampaignId escrowId = EscrowCampaignId.of(campaign.value());
    Optional<RewardWork> work = Optional.empty();
    if (operation.kind() == EscrowOperationKind.SETTLE) {
      Optional<Settlement> settlement = ledger.settlement(campaign, epoch);
      if (settlement.isEmpty()) {
        operation.failed(
            "NoSnapshot", "no stored leaves for epoch " + epoch, Optional.empty(), now);
      } else if (settlement.get().isPosted()) {
        // its event was applied while the worker had not recorded the receipt (a crash)
        operation.done(settlement.get().transaction().orElseThrow(), now);
      } else {
        work =
            Optional.of(
                new RewardWork(
                    key,
                    operation.kind(),
                    escrowId,
                    epoch,
                    settlement.get().leaves(),
                    Optional.empty()));
      }
    } else {
      WalletAddress wallet = operation.wallet().orElseThrow();
      Optional<Settlement> latest = ledger.latestSettlement(campaign);
      if (latest.isPresent() && !latest.get().isPosted()) {
        // the proof must be against the root on chain: wait until the new one is posted
        operation.postponed(
            "waiting for the root of epoch " + latest.get().epoch() + " to be posted",
            Optional.empty(),
            now);
      } else {
        if (latest.map(s -> s.entitlementOf(wallet).isZero()).orElse(true)) {
          operation.failed(
              "NotEntitled",
              wallet + " is in no posted root of the campaign",
              Optional.empty(),
              now);
        } else {
          work =
              Optional.of(
                  new RewardWork(
                      key,
                      operation.kind(),
                      escrowId,
                      latest.get().epoch(),
                      latest.get().leaves(),
                      Optional.of(wallet)));
        }
      }
    }
    campaigns.store(operation);
    return work;
  }

  /** The root is on chain: the epoch is POSTED and its operation done. */
  public void recordSettled(ChainOperationKey key, RewardEscrow.Settlement posted) {
    EscrowOperation operation = requireOperation(key);
    Instant now = clock.instant();
    int epoch = operation.epoch().orElseThrow();
    if (posted.epoch() != epoch) {
      // someone else (an admin by hand?) posted a root of this campaign: ours is the latest anyway
      LOG.warning(
          () ->
              "rewards: "
                  + key
                  + " became epoch "
                  + posted.epoch()
                  + " on chain, the ledger's epoch is "
                  + epoch);
    }
    ledger.settlementPosted(
        operation.campaign(), epoch, posted.merkleRoot(), posted.transaction(), now);
    if (operation.status() != EscrowOperationStatus.DONE) {
      operation.done(posted.transaction(), now);
      campaigns.store(operation);
    }
    LOG.info(() -> "rewards: " + key + " posted root " + posted.merkleRoot());
  }

  /** The escrow paid the labeler: the operation is done and the payment recorded. */
  public void recordClaimed(ChainOperationKey key, RewardEscrow.Claim paid) {
    EscrowOperation operation = requireOperation(key);
    ledger.record(
        new PaidClaim(
            paid.transaction(),
            operation.campaign(),
            paid.labeler(),
            paid.paid(),
            paid.cumulative(),
            Optional.empty()));
    if (operation.status() != EscrowOperationStatus.DONE) {
      operation.done(paid.transaction(), clock.instant());
      campaigns.store(operation);
    }
    LOG.info(() -> "rewards: " + key + " paid " + paid.paid() + " in " + paid.transaction());
  }

  /**
   * Sends a failed settlement or claim back to the queue (an admin's decision, e.g. after the
   * escrow was unpaused); a settlement keeps its stored leaves.
   */
  public EscrowOperation retry(ChainOperationKey key) {
    EscrowOperation operation =
        campaigns
            .findOperation(key)
            .filter(o -> REWARD_KINDS.contains(o.kind()))
            .orElseThrow(() -> new IllegalArgumentException("no settlement or claim " + key));
    operation.retry(clock.instant());
    campaigns.store(operation);
    return operation;
  }

  // --- the labeler's use cases ---

  /**
   * Queues a relayed claim of what the latest posted root entitles the caller to beyond what the
   * escrow paid. Asking again while one is on its way returns that one.
   *
   * @throws NothingToClaimException when there is nothing to claim
   */
  public EscrowOperation requestClaim(CampaignId campaign, LabelerId labeler) {
    WalletAddress wallet = walletOf(labeler);
    campaigns
        .find(campaign)
        .orElseThrow(() -> new CampaignService.UnknownCampaignException(campaign));
    Settlement latest =
        ledger
            .latestPostedSettlement(campaign)
            .orElseThrow(
                () -> new NothingToClaimException("no settlement of the campaign was posted yet"));
    ChainOperationKey key = EscrowOperation.claimKey(campaign, wallet, latest.epoch());
    Optional<EscrowOperation> existing = campaigns.findOperation(key);
    if (existing.isPresent() && existing.get().status().isPending()) {
      return existing.get();
    }
    TokenAmount settled = latest.entitlementOf(wallet);
    TokenAmount claimed = ledger.claimed(campaign, wallet);
    if (settled.compareTo(claimed) <= 0) {
      throw new NothingToClaimException(
          "nothing to claim: the latest root (epoch "
              + latest.epoch()
              + ") entitles you to "
              + settled
              + " and "
              + claimed
              + " was paid");
    }
    if (existing.isPresent()) {
      // done or failed for this root already, yet something is left (e.g. a claim failed)
      EscrowOperation again = existing.get();
      if (again.status() == EscrowOperationStatus.FAILED) {
        again.retry(clock.instant());
        campaigns.store(again);
      }
      return again;
    }
    EscrowOperation claim =
        EscrowOperation.claim(campaign, wallet, latest.epoch(), clock.instant());
    campaigns.add(claim);
    LOG.info(() -> "rewards: claim " + key + " queued for " + (settled.minus(claimed)));
    return claim;
  }

  /** The caller's rewards per campaign, newest campaign first. */
  public List<RewardPosition> rewardsOf(LabelerId labeler) {
    Optional<WalletAddress> found =
        accounts.findBySubject(labeler.value()).map(a -> a.wallet().address());
    if (found.isEmpty()) {
      return List.of();
    }
    WalletAddress wallet = found.get();
    List<RewardPosition> positions = new ArrayList<>();
    for (CampaignId id : ledger.campaignsOf(wallet)) {
      positions.add(position(id, wallet));
    }
    return positions;
  }

  /** The caller's rewards in one campaign. */
  public RewardPosition rewardsOf(LabelerId labeler, CampaignId campaign) {
    return position(campaign, walletOf(labeler));
  }

  private RewardPosition position(CampaignId id, WalletAddress wallet) {
    String title = campaigns.find(id).map(Campaign::title).orElse("");
    TokenAmount earned = ledger.entitlements(id).getOrDefault(wallet, TokenAmount.ZERO);
    Optional<Settlement> posted = ledger.latestPostedSettlement(id);
    TokenAmount settled = posted.map(s -> s.entitlementOf(wallet)).orElse(TokenAmount.ZERO);
    Optional<RewardPosition.PendingClaim> pending =
        campaigns.findOperations(id).stream()
            .filter(o -> o.kind() == EscrowOperationKind.CLAIM)
            .filter(o -> o.wallet().map(wallet::equals).orElse(false))
            .filter(o -> o.status() != EscrowOperationStatus.DONE)
            .max(Comparator.comparing(EscrowOperation::createdAt))
            .map(
                o ->
                    new RewardPosition.PendingClaim(
                        o.key(), o.epoch().orElse(0), o.status(), o.transaction(), o.message()));
    return new RewardPosition(
        id,
        title,
        wallet,
        earned,
        settled,
        posted.map(Settlement::epoch).orElse(0),
        ledger.claimed(id, wallet),
        ledger.unpaidLabels(id, wallet),
        pending,
        ledger.claimTransactions(id, wallet));
  }

  private WalletAddress walletOf(LabelerId labeler) {
    Account account =
        accounts
            .findBySubject(labeler.value())
            .orElseThrow(() -> new IllegalStateException("no account, hence no wallet"));
    return account.wallet().address();
  }

  // --- the escrow's events, delivered by the event indexer ---

  /**
   * Applies a confirmed event of the reward escrow. {@code RewardClaimed}: the payment is recorded
   * once, whoever sent it (a relayed claim whose receipt was lost, the labeler's own wallet), and a
   * claim operation that sent it is done. {@code SettlementPosted}: the settlement operation that
   * sent it is done and its epoch POSTED, even if the worker crashed before the receipt.
   * Idempotent: applied twice, it changes nothing.
   */
  public void applyConfirmed(ChainEvent event) {
    Instant now = clock.instant();
    switch (event.name()) {
      case "RewardClaimed" -> {
        CampaignId campaign = campaignOf(event.argument("campaignId"));
        if (campaigns.find(campaign).isEmpty()) {
          return; // another platform's campaign in the same escrow
        }
        WalletAddress wallet = WalletAddress.of(event.argument("labeler"));
        boolean added =
            ledger.record(
                new PaidClaim(
                    event.transaction(),
                    campaign,
                    wallet,
                    TokenAmount.ofUnits(new BigInteger(event.argument("amount"))),
                    TokenAmount.ofUnits(new BigInteger(event.argument("cumulativeAmount"))),
                    Optional.of(event.blockNumber())));
        if (added) {
          LOG.info(() -> "rewards: payment to " + wallet + " seen in " + event.transaction());
        }
        completed(event.transaction(), EscrowOperationKind.CLAIM, now);
      }
      case "SettlementPosted" -> {
        Optional<EscrowOperation> settle =
            completed(event.transaction(), EscrowOperationKind.SETTLE, now);
        settle.ifPresent(
            o ->
                ledger
                    .settlement(o.campaign(), o.epoch().orElseThrow())
                    .filter(s -> !s.isPosted())
                    .ifPresent(
                        s ->
                            ledger.settlementPosted(
                                o.campaign(),
                                s.epoch(),
                                event.argument("root"),
                                event.transaction(),
                                now)));
      }
      default -> {
        // deposits and closes are confirmed from their receipts by the campaign's funding
      }
    }
  }

  /** A reorganisation took back blocks from {@code fromBlock}: their payments are read again. */
  public void rollBackFrom(long fromBlock) {
    int forgotten = ledger.forgetPaymentsFrom(fromBlock);
    if (forgotten > 0) {
      LOG.warning(() -> "rewards: reorganisation from block " + fromBlock + ", " + forgotten);
    }
  }

  private Optional<EscrowOperation> completed(
      TxHash transaction, EscrowOperationKind kind, Instant now) {
    Optional<EscrowOperation> operation =
        ledger
            .operationOf(transaction)
            .flatMap(campaigns::findOperation)
            .filter(o -> o.kind() == kind);
    operation
        .filter(o -> o.status().isPending())
        .ifPresent(
            o -> {
              o.done(transaction, now);
              campaigns.store(o);
            });
    return operation;
  }

  /** The escrow's bytes32 campaign id: the campaign's UUID in its low 16 bytes. */
  static CampaignId campaignOf(String bytes32) {
    String hex = bytes32.startsWith("0x") ? bytes32.substring(2) : bytes32;
    if (hex.length() != 64) {
      throw new IllegalArgumentException("not a bytes32: " + bytes32);
    }
    ByteBuffer low = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(hex.substring(32)));
    return new CampaignId(new UUID(low.getLong(), low.getLong()));
  }

  private EscrowOperation requireOperation(ChainOperationKey key) {
    return campaigns
        .findOperation(key)
        .orElseThrow(() -> new IllegalStateException("no reward operation " + key));
  }
}
