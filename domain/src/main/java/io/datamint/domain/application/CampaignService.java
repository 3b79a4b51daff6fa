package io.datamint.domain.application;

import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.application.PublishingService.UnknownDatasetException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.CloseReason;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.campaign.TaskQueue;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.reward.PayoutLedger;
import io.datamint.domain.model.shared.KeyWrapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Use cases of a campaign's life (flow 2, the contributor's side): create on an approved version,
 * fund (the deposit is an {@link EscrowOperation} recorded in the same transaction and worked off
 * by {@link CampaignFundingProcessor}), pause, resume, close (the refund is queued for when the
 * escrow allows it), view; and the short transactions the funding worker needs around its chain
 * calls. One short transaction per method.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

  private static final Logger LOG = Logger.getLogger(CampaignService.class.getName());

  /** Longer than the chain adapter waits for receipts (approve, deposit, top-ups). */
  static final Duration OPERATION_LEASE = Duration.ofMinutes(5);

  /** How often a refund that waits for labels to be settled looks again. */
  static final Duration SETTLEMENT_RECHECK = Duration.ofMinutes(10);

  /** The operations of the budget; settlements and claims are the rewards'. */
  private static final Set<EscrowOperationKind> BUDGET_KINDS =
      Set.of(EscrowOperationKind.OPEN, EscrowOperationKind.REFUND);

  private CampaignRepository campaigns;
  private TaskQueue queue;
  private PayoutLedger ledger;
  private DatasetRepository datasets;
  private AccountRepository accounts;
  private KeyWrapper keyWrapper;
  private WalletKeyFactory walletKeys;
  private Clock clock;

  /** No such campaign, or not one the caller may see. */
  public static class UnknownCampaignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownCampaignException(CampaignId id) {
      super("no campaign " + id);
    }
  }

  /** A campaign with where its work and its money stand. */
  public record CampaignView(
      Campaign campaign, QueueCounts counts, List<EscrowOperation> operations) {

    public Optional<EscrowOperation> operation(EscrowOperationKind kind) {
      return operations.stream().filter(o -> o.kind() == kind).findFirst();
    }
  }

  /** One attempt's chain work, read in the claiming transaction; the chain is called after it. */
  public record EscrowWork(
      ChainOperationKey key,
      EscrowOperationKind kind,
      EscrowCampaignId escrowId,
      WalletKey funder,
      TokenAmount budget,
      Instant endsAt) {

    public EscrowWork {
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(escrowId, "escrow id must not be null");
      Objects.requireNonNull(funder, "funder must not be null");
    }
  }

  protected CampaignService() {
    // for CDI proxies
  }

  @Inject
  public CampaignService(
      CampaignRepository campaigns,
      TaskQueue queue,
      DatasetRepository datasets,
      AccountRepository accounts,
      KeyWrapper keyWrapper,
      WalletKeyFactory walletKeys,
      Clock clock,
      PayoutLedger ledger) {
    this.ledger = ledger;
    this.campaigns = campaigns;
    this.queue = queue;
    this.datasets = datasets;
    this.accounts = accounts;
    this.keyWrapper = keyWrapper;
    this.walletKeys = walletKeys;
    this.clock = clock;
  }

  // --- the owner's use cases ---

  /**
   * A campaign in DRAFT on an approved version of the caller's dataset, with every item of the
   * version queued (k slots per regular item).
   *
   * @throws UnknownDatasetException when the dataset is not visible to the caller
   * @throws NotPermittedException when the dataset is someone else's
   * @throws IllegalStateException when the version is not approved
   * @throws IllegalArgumentException when the terms do not fit the version (see {@link Campaign})
   */
  public Campaign create(
      ContributorId owner, DatasetId datasetId, int versionNumber, CampaignTerms terms) {
    Dataset dataset =
        datasets.find(datasetId).orElseThrow(() -> new UnknownDatasetException(datasetId));
    if (!dataset.isOwnedBy(owner)) {
      if (dataset.state() != DatasetState.LISTED) {
        throw new UnknownDatasetException(datasetId);
      }
      throw new NotPermittedException("only the dataset's owner may run a campaign on it");
    }
    DatasetVersion version = dataset.version(versionNumber);
    if (version.state() != VersionState.APPROVED) {
      throw new IllegalStateException(
          "version "
              + versionNumber
              + " is "
              + version.state()
              + "; campaigns run on approved versions");
    }
    Manifest manifest =
        version
            .manifest()
            .orElseThrow(() -> new IllegalStateException("the version has no manifest"));
    Instant now = clock.instant();
    Campaign campaign =
        new Campaign(
            CampaignId.random(),
            owner,
            datasetId,
            versionNumber,
            version.id(),
            manifest.itemCount(),
            terms,
            now);
    campaigns.add(campaign);
    Map<ItemId, List<String>> gold = new LinkedHashMap<>();
    for (GoldItem g : terms.gold()) {
      gold.put(g.item(), g.answer());
    }
    long queued = queue.create(campaign.id(), version.id(), terms.labelsPerItem(), gold);
    if (queued != manifest.itemCount()) {
      throw new IllegalStateException(
          "the version lists "
              + manifest.itemCount()
              + " items but "
              + queued
              + " are stored; it cannot be labeled as it is");
    }
    LOG.info(
        () ->
            "campaign "
                + campaign.id()
                + " created on dataset "
                + datasetId
                + " v"
                + versionNumber
                + " with "
                + queued
                + " items by "
                + owner);
    return campaign;
  }

  /**
   * Asks for the budget to be deposited into the escrow; the campaign opens once it is confirmed.
   *
   * @throws IllegalStateException unless DRAFT
   */
  public Campaign fund(CampaignId id, ContributorId caller) {
    Campaign campaign = owned(id, caller, false);
    Instant now = clock.instant();
    campaign.fund(now);
    campaigns.store(campaign);
    if (campaigns.findOperation(EscrowOperation.openKey(id)).isEmpty()) {
      campaigns.add(EscrowOperation.open(id, now));
    }
    LOG.info(() -> "campaign " + id + ": deposit of " + campaign.budget() + " queued");
    return campaign;
  }

  /**
   * Sends a failed deposit back to the queue, e.g. after the owner's wallet was topped up.
   *
   * @throws IllegalStateException when the deposit has not failed
   */
  public Campaign retryFunding(CampaignId id, ContributorId caller, boolean admin) {
    Campaign campaign = owned(id, caller, admin);
    EscrowOperation open =
        campaigns
            .findOperation(EscrowOperation.openKey(id))
            .orElseThrow(() -> new IllegalStateException("the campaign was never funded"));
    if (campaign.state() != CampaignState.FUNDING) {
      throw new IllegalStateException("the campaign is " + campaign.state() + ", not FUNDING");
    }
    open.retry(clock.instant());
    campaigns.store(open);
    return campaign;
  }

  public Campaign pause(CampaignId id, ContributorId caller, boolean admin) {
    Campaign campaign = owned(id, caller, admin);
    campaign.pause(clock.instant());
    campaigns.store(campaign);
    LOG.info(() -> "campaign " + id + " paused by " + caller);
    return campaign;
  }

  public Campaign resume(CampaignId id, ContributorId caller, boolean admin) {
    Campaign campaign = owned(id, caller, admin);
    campaign.resume(clock.instant());
    campaigns.store(campaign);
    LOG.info(() -> "campaign " + id + " resumed by " + caller);
    return campaign;
  }

  /**
   * Closes the campaign now (no tasks, no submissions) and queues the refund of what no labeler is
   * entitled to, which the escrow allows after the deadline.
   */
  public Campaign close(CampaignId id, ContributorId caller, boolean admin, String note) {
    Campaign campaign = owned(id, caller, admin);
    CloseReason reason = campaign.isOwnedBy(caller) ? CloseReason.BY_OWNER : CloseReason.BY_ADMIN;
    close(campaign, reason, note);
    return campaign;
  }

  private void close(Campaign campaign, CloseReason reason, String note) {
    Instant now = clock.instant();
    campaign.close(reason, note, now);
    campaigns.store(campaign);
    Optional<EscrowOperation> open =
        campaigns.findOperation(EscrowOperation.openKey(campaign.id()));
    boolean moneyMayBeThere =
        open.isPresent() && open.get().status() != EscrowOperationStatus.FAILED;
    if (moneyMayBeThere
        && campaigns.findOperation(EscrowOperation.refundKey(campaign.id())).isEmpty()) {
      campaigns.add(EscrowOperation.refund(campaign.id(), now, campaign.deadline()));
    }
    LOG.info(() -> "campaign " + campaign.id() + " closed: " + reason);
  }

  /**
   * Closes OPEN and PAUSED campaigns whose deadline passed.
   *
   * @return how many were closed
   */
  public int closePastDeadline(int limit) {
    List<Campaign> ended = campaigns.findRunningPastDeadline(clock.instant(), limit);
    ended.forEach(c -> close(c, CloseReason.DEADLINE_PASSED, null));
    return ended.size();
  }

  // --- reading ---

  /**
   * The campaign as {@code viewer} may see it: owner and admins always; others (labelers) once it
   * was funded.
   *
   * @throws UnknownCampaignException otherwise
   */
  public CampaignView view(CampaignId id, ContributorId viewer, boolean admin) {
    Campaign campaign = find(id);
    boolean published =
        campaign.state() != CampaignState.DRAFT && campaign.state() != CampaignState.FUNDING;
    if (!admin && !campaign.isOwnedBy(viewer) && !published) {
      throw new UnknownCampaignException(id);
    }
    return new CampaignView(
        campaign, queue.counts(id, clock.instant()), campaigns.findOperations(id));
  }

  /** The owner's campaigns, newest first. */
  public List<Campaign> ownedBy(ContributorId owner) {
    return campaigns.findByOwner(owner);
  }

  /** Campaigns labelers can work on now. */
  public List<Campaign> open(int limit) {
    Instant now = clock.instant();
    return campaigns.findByState(CampaignState.OPEN, limit).stream()
        .filter(c -> c.handsOutTasks(now))
        .toList();
  }

  private Campaign owned(CampaignId id, ContributorId caller, boolean admin) {
    Campaign campaign = find(id);
    if (admin || campaign.isOwnedBy(caller)) {
      return campaign;
    }
    if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.FUNDING) {
      throw new UnknownCampaignException(id);
    }
    throw new NotPermittedException("only the campaign's owner (or an admin) may do this");
  }

  private Campaign find(CampaignId id) {
    return campaigns.find(id).orElseThrow(() -> new UnknownCampaignException(id));
  }

  // --- the escrow outbox, for the funding worker ---

  /** Keys of escrow operations the worker should attempt now, oldest first. */
  public List<ChainOperationKey> dueOperations(int limit) {
    return campaigns.findDueOperations(clock.instant(), BUDGET_KINDS, limit);
  }

  /**
   * Takes a due operation for one attempt and reads what the chain call needs.
   *
   * @return empty when not due (another worker took it), when it must wait (a refund before the
   *     deadline or before the labels are settled), or when it cannot be done (it is failed)
   */
  public Optional<EscrowWork> claim(ChainOperationKey key) {
    Instant now = clock.instant();
    Optional<EscrowOperation> found =
        campaigns
            .findOperation(key)
            .filter(o -> BUDGET_KINDS.contains(o.kind()))
            .filter(o -> o.isDue(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EscrowOperation operation = found.get();
    operation.claim(now, OPERATION_LEASE);
    Optional<EscrowWork> work = Optional.empty();
    Campaign campaign = find(operation.campaign());
    switch (operation.kind()) {
      case OPEN -> {
        boolean nothingSent = operation.status() == EscrowOperationStatus.QUEUED;
        if (campaign.state() == CampaignState.CLOSED && nothingSent) {
          operation.failed(
              "Cancelled", "the campaign was closed before its deposit", Optional.empty(), now);
        } else if (campaign.isPastDeadline(now) && nothingSent) {
          operation.failed(
              "DeadlinePassed",
              "the deadline "
                  + campaign.deadline()
                  + " passed before the deposit; the escrow refuses an ended campaign",
              Optional.empty(),
              now);
        } else {
          work = funderWork(operation, campaign, now);
        }
      }
      case REFUND -> work = refundWork(operation, campaign, now);
    }
    campaigns.store(operation);
    return work;
  }

  private Optional<EscrowWork> refundWork(
      EscrowOperation operation, Campaign campaign, Instant now) {
    EscrowOperation open =
        campaigns.findOperation(EscrowOperation.openKey(campaign.id())).orElse(null);
    if (open == null || open.status() == EscrowOperationStatus.FAILED) {
      operation.failed(
          "NothingDeposited", "the campaign's deposit never happened", Optional.empty(), now);
      return Optional.empty();
    }
    if (open.status() != EscrowOperationStatus.DONE) {
      operation.postponed("waiting for the deposit to finish first", Optional.empty(), now);
      return Optional.empty();
    }
    if (campaign.isPastDeadline(now)) {
      // closing the escrow ends settlements: labels given must be validated, credited and in a
      // posted root first, so that the refund is exactly what no labeler is entitled to
      long unsettled = ledger.unsettledLabels(campaign.id());
      if (unsettled > 0) {
        operation.waitUntil(
            unsettled + " labels are not validated and settled yet",
            Optional.empty(),
            now.plus(SETTLEMENT_RECHECK),
            now);
        return Optional.empty();
      }
      return funderWork(operation, campaign, now);
    }
    operation.waitUntil(
        "the escrow returns the budget after the deadline",
        Optional.empty(),
        campaign.deadline(),
        now);
    return Optional.empty();
  }

  private Optional<EscrowWork> funderWork(
      EscrowOperation operation, Campaign campaign, Instant now) {
    Optional<Account> owner = accounts.findBySubject(campaign.owner().value());
    if (owner.isEmpty()) {
      operation.failed(
          "NoWallet", "the owner has no account, hence no wallet", Optional.empty(), now);
      return Optional.empty();
    }
    WalletKey funder;
    try {
      funder = walletKey(owner.get());
    } catch (GeneralSecurityException e) {
      operation.failed(
          "WalletKey", "the owner's wallet key does not unwrap", Optional.empty(), now);
      return Optional.empty();
    }
    return Optional.of(
        new EscrowWork(
            operation.key(),
            operation.kind(),
            EscrowCampaignId.of(campaign.id().value()),
            funder,
            campaign.budget(),
            campaign.deadline()));
  }

  private WalletKey walletKey(Account account) throws GeneralSecurityException {
    // the context the wallet was wrapped under when the account was created
    Identity identity = new Identity(account.subject(), account.username(), null, null, Set.of());
    byte[] raw =
        keyWrapper.unwrap(account.wallet().wrappedKey(), AccountService.walletContext(identity));
    try {
      return walletKeys.restore(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The deposit is confirmed on chain: the campaign opens. */
  public void recordOpened(ChainOperationKey key, TxHash transaction) {
    EscrowOperation operation = requireOperation(key);
    Instant now = clock.instant();
    operation.done(transaction, now);
    campaigns.store(operation);
    Campaign campaign = find(operation.campaign());
    campaign.funded(transaction, now);
    campaigns.store(campaign);
    LOG.info(
        () -> "campaign " + campaign.id() + " funded in " + transaction + ": " + campaign.state());
  }

  /** The unspent budget went back to the owner. */
  public void recordRefunded(ChainOperationKey key, TxHash transaction) {
    EscrowOperation operation = requireOperation(key);
    operation.done(transaction, clock.instant());
    campaigns.store(operation);
    LOG.info(() -> "campaign " + operation.campaign() + " refunded in " + transaction);
  }

  public void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded) {
    EscrowOperation operation = requireOperation(key);
    if (operation.status().isPending()) {
      operation.postponed(why, recorded, clock.instant());
      campaigns.store(operation);
      LOG.info(() -> "campaign escrow: " + key + " postponed: " + why);
    }
  }

  public void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded) {
    EscrowOperation operation = requireOperation(key);
    if (operation.status().isPending()) {
      operation.failed(reason, message, recorded, clock.instant());
      campaigns.store(operation);
      LOG.warning(() -> "campaign escrow: " + key + " failed (" + reason + "): " + message);
    }
  }

  private EscrowOperation requireOperation(ChainOperationKey key) {
    return campaigns
        .findOperation(key)
        .orElseThrow(() -> new IllegalStateException("no escrow operation " + key));
  }
}
