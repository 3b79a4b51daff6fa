package io.datamint.domain.application;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.account.CustodialWallet;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.reward.AcceptedLabel;
import io.datamint.domain.model.reward.Credit;
import io.datamint.domain.model.reward.PaidClaim;
import io.datamint.domain.model.reward.PayoutLedger;
import io.datamint.domain.model.reward.Settlement;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.shared.WrappedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** In-memory stand-ins of the rewards' ports, keeping the rules the database keeps. */
final class RewardFakes {

  private RewardFakes() {}

  /** Campaigns and their escrow operations. */
  static final class Campaigns implements CampaignRepository {
    final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
    final Map<String, EscrowOperation> operations = new LinkedHashMap<>();

    @Override
    public Optional<Campaign> find(CampaignId id) {
      return Optional.ofNullable(campaigns.get(id));
    }

    @Override
    public List<Campaign> findByOwner(ContributorId owner) {
      return campaigns.values().stream().filter(c -> c.isOwnedBy(owner)).toList();
    }

    @Override
    public List<Campaign> findByState(CampaignState state, int limit) {
      return campaigns.values().stream().filter(c -> c.state() == state).limit(limit).toList();
    }

    @Override
    public List<Campaign> findRunningPastDeadline(Instant now, int limit) {
      return List.of();
    }

    @Override
    public void add(Campaign campaign) {
      campaigns.put(campaign.id(), campaign);
    }

    @Override
    public void store(Campaign campaign) {
      campaigns.put(campaign.id(), campaign);
    }

    @Override
    public Optional<EscrowOperation> findOperation(ChainOperationKey key) {
      return Optional.ofNullable(operations.get(key.value()));
    }

    @Override
    public List<EscrowOperation> findOperations(CampaignId campaign) {
      return operations.values().stream().filter(o -> o.campaign().equals(campaign)).toList();
    }

    @Override
    public List<ChainOperationKey> findDueOperations(
        Instant now, Set<EscrowOperationKind> kinds, int limit) {
      return operations.values().stream()
          .filter(o -> kinds.contains(o.kind()) && o.isDue(now))
          .map(EscrowOperation::key)
          .limit(limit)
          .toList();
    }

    @Override
    public void add(EscrowOperation operation) {
      if (operations.putIfAbsent(operation.key().value(), operation) != null) {
        throw new IllegalStateException("duplicate key " + operation.key());
      }
    }

    @Override
    public void store(EscrowOperation operation) {
      operations.put(operation.key().value(), operation);
    }
  }

  /** Accounts by subject, each with a wallet. */
  static final class Accounts implements AccountRepository {
    final Map<String, Account> bySubject = new HashMap<>();

    WalletAddress add(String subject, WalletAddress wallet, Instant now) {
      add(
          new Account(
              new Identity(subject, subject, null, null, Set.of()),
              new CustodialWallet(wallet, new WrappedKey("m1", new byte[] {1})),
              now));
      return wallet;
    }

    @Override
    public Optional<Account> findBySubject(String subject) {
      return Optional.ofNullable(bySubject.get(subject));
    }

    @Override
    public List<Account> findAllByLastSignIn(int limit) {
      return List.copyOf(bySubject.values());
    }

    @Override
    public void add(Account account) {
      bySubject.put(account.subject(), account);
    }
  }

  /** The payout ledger, with the labels' statuses it reads. */
  static final class Ledger implements PayoutLedger {
    /** label → (campaign, labeler, status), in submission order. */
    final Map<UUID, Object[]> labels = new LinkedHashMap<>();

    final Map<UUID, Credit> credits = new LinkedHashMap<>();
    final Map<CampaignId, TreeMap<Integer, Settlement>> settlements = new HashMap<>();
    final Map<String, PaidClaim> payments = new LinkedHashMap<>();
    final Map<TxHash, ChainOperationKey> transactions = new HashMap<>();
    Accounts accounts;
    Campaigns campaigns;

    UUID label(CampaignId campaign, String labeler, String status) {
      UUID id = UUID.randomUUID();
      labels.put(id, new Object[] {campaign, labeler, status});
      return id;
    }

    @Override
    public List<CampaignId> campaignsWithUncreditedLabels(int limit) {
      return labels.entrySet().stream()
          .filter(e -> "ACCEPTED".equals(e.getValue()[2]) && !credits.containsKey(e.getKey()))
          .map(e -> (CampaignId) e.getValue()[0])
          .distinct()
          .limit(limit)
          .toList();
    }

    @Override
    public void lock(CampaignId campaign) {}

    @Override
    public List<AcceptedLabel> uncreditedLabels(CampaignId campaign, int limit) {
      List<AcceptedLabel> found = new ArrayList<>();
      labels.forEach(
          (id, l) -> {
            if (l[0].equals(campaign) && "ACCEPTED".equals(l[2]) && !credits.containsKey(id)) {
              String labeler = (String) l[1];
              accounts
                  .findBySubject(labeler)
                  .ifPresent(
                      a ->
                          found.add(
                              new AcceptedLabel(
                                  id, campaign, new LabelerId(labeler), a.wallet().address())));
            }
          });
      return found.stream().limit(limit).toList();
    }

    @Override
    public TokenAmount credited(CampaignId campaign) {
      return credits.values().stream()
          .filter(c -> c.label().campaign().equals(campaign))
          .map(Credit::amount)
          .reduce(TokenAmount.ZERO, TokenAmount::plus);
    }

    @Override
    public void add(List<Credit> added) {
      added.forEach(c -> credits.putIfAbsent(c.label().label(), c));
    }

    @Override
    public long creditCount(CampaignId campaign) {
      return credits.values().stream()
          .filter(c -> c.label().campaign().equals(campaign) && !c.budgetSpent())
          .count();
    }

    @Override
    public Map<WalletAddress, TokenAmount> entitlements(CampaignId campaign) {
      Map<WalletAddress, TokenAmount> sums = new LinkedHashMap<>();
      credits.values().stream()
          .filter(c -> c.label().campaign().equals(campaign))
          .forEach(c -> sums.merge(c.label().wallet(), c.amount(), TokenAmount::plus));
      return sums;
    }

    @Override
    public long unsettledLabels(CampaignId campaign) {
      long covered = latestPostedSettlement(campaign).map(Settlement::creditCount).orElse(0L);
      long open =
          labels.entrySet().stream()
              .filter(e -> e.getValue()[0].equals(campaign))
              .filter(
                  e ->
                      "PENDING".equals(e.getValue()[2])
                          || "ACCEPTED".equals(e.getValue()[2]) && !credits.containsKey(e.getKey()))
              .count();
      return open + Math.max(0, creditCount(campaign) - covered);
    }

    @Override
    public List<CampaignId> campaignsToSettle(int limit) {
      return campaigns.campaigns.keySet().stream()
          .filter(
              id -> creditCount(id) > latestSettlement(id).map(Settlement::creditCount).orElse(0L))
          .filter(
              id ->
                  campaigns.findOperations(id).stream()
                      .noneMatch(
                          o -> o.kind() == EscrowOperationKind.CLAIM && o.status().isPending()))
          .limit(limit)
          .toList();
    }

    @Override
    public Optional<Settlement> latestSettlement(CampaignId campaign) {
      TreeMap<Integer, Settlement> all = settlements.get(campaign);
      return all == null || all.isEmpty()
          ? Optional.empty()
          : Optional.of(all.lastEntry().getValue());
    }

    @Override
    public Optional<Settlement> latestPostedSettlement(CampaignId campaign) {
      return settlements.getOrDefault(campaign, new TreeMap<>()).values().stream()
          .filter(Settlement::isPosted)
          .max(Comparator.comparingInt(Settlement::epoch));
    }

    @Override
    public Optional<Settlement> settlement(CampaignId campaign, int epoch) {
      return Optional.ofNullable(settlements.getOrDefault(campaign, new TreeMap<>()).get(epoch));
    }

    @Override
    public void add(Settlement settlement) {
      TreeMap<Integer, Settlement> all =
          settlements.computeIfAbsent(settlement.campaign(), k -> new TreeMap<>());
      if (all.values().stream().anyMatch(s -> !s.isPosted())) {
        throw new IllegalStateException("a pending settlement exists (unique index)");
      }
      if (all.putIfAbsent(settlement.epoch(), settlement) != null) {
        throw new IllegalStateException("epoch exists (primary key)");
      }
    }

    @Override
    public void settlementPosted(
        CampaignId campaign, int epoch, String merkleRoot, TxHash transaction, Instant at) {
      Settlement s = settlements.get(campaign).get(epoch);
      if (!s.isPosted()) {
        settlements
            .get(campaign)
            .put(
                epoch,
                new Settlement(
                    campaign,
                    epoch,
                    s.leaves(),
                    s.creditCount(),
                    Settlement.Status.POSTED,
                    Optional.of(merkleRoot),
                    Optional.of(transaction),
                    s.createdAt()));
      }
    }

    @Override
    public boolean record(PaidClaim claim) {
      String key = claim.transaction() + "/" + claim.campaign() + "/" + claim.wallet();
      return payments.putIfAbsent(key, claim) == null;
    }

    @Override
    public TokenAmount claimed(CampaignId campaign, WalletAddress wallet) {
      return payments.values().stream()
          .filter(p -> p.campaign().equals(campaign) && p.wallet().equals(wallet))
          .map(PaidClaim::cumulative)
          .max(Comparator.naturalOrder())
          .orElse(TokenAmount.ZERO);
    }

    @Override
    public List<TxHash> claimTransactions(CampaignId campaign, WalletAddress wallet) {
      return payments.values().stream()
          .filter(p -> p.campaign().equals(campaign) && p.wallet().equals(wallet))
          .map(PaidClaim::transaction)
          .toList();
    }

    @Override
    public int forgetPaymentsFrom(long fromBlock) {
      int before = payments.size();
      payments.values().removeIf(p -> p.block().map(b -> b >= fromBlock).orElse(false));
      return before - payments.size();
    }

    @Override
    public List<CampaignId> campaignsOf(WalletAddress wallet) {
      return campaigns.campaigns.keySet().stream()
          .filter(id -> entitlements(id).containsKey(wallet))
          .toList();
    }

    @Override
    public long unpaidLabels(CampaignId campaign, WalletAddress wallet) {
      return credits.values().stream()
          .filter(c -> c.label().campaign().equals(campaign) && c.label().wallet().equals(wallet))
          .filter(Credit::budgetSpent)
          .count();
    }

    @Override
    public Optional<ChainOperationKey> operationOf(TxHash hash) {
      return Optional.ofNullable(transactions.get(hash));
    }

    /** The leaves of an epoch, for assertions. */
    List<Entitlement> leaves(CampaignId campaign, int epoch) {
      return settlement(campaign, epoch).orElseThrow().leaves();
    }
  }
}
