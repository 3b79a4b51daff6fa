package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.RewardService.NothingToClaimException;
import io.datamint.domain.application.RewardService.RewardWork;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.reward.RewardPosition;
import io.datamint.domain.model.reward.Settlement;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rewards' use cases on in-memory ports: credits, epochs, claims and the escrow's events. */
class RewardServiceTest {

  private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
  private static final ContractAddress ESCROW =
      ContractAddress.of("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9");

  private final MutableClock clock = new MutableClock();
  private final RewardFakes.Campaigns campaigns = new RewardFakes.Campaigns();
  private final RewardFakes.Accounts accounts = new RewardFakes.Accounts();
  private final RewardFakes.Ledger ledger = new RewardFakes.Ledger();
  private final RewardService rewards = new RewardService(ledger, campaigns, accounts, clock);
  private CampaignId campaign;
  private WalletAddress alice;
  private WalletAddress bob;
  private int hashes;

  @BeforeEach
  void fundedCampaign() {
    ledger.accounts = accounts;
    ledger.campaigns = campaigns;
    alice = accounts.add("alice", WalletAddress.of("0x" + "a1".repeat(20)), T0);
    bob = accounts.add("bob", WalletAddress.of("0x" + "b2".repeat(20)), T0);
    // 2 items x k 2 x 1.5 = 6
    CampaignTerms terms =
        new CampaignTerms(
            "Cat or dog",
            LabelSchema.single("cat", "dog"),
            "Pick the animal.",
            2,
            List.of(),
            0,
            TokenAmount.ofTokens("1.5"),
            0.7,
            TokenAmount.ofTokens("6"),
            T0.plus(Duration.ofDays(7)),
            Duration.ofMinutes(10));
    Campaign c =
        new Campaign(
            CampaignId.random(),
            new ContributorId("owner"),
            DatasetId.newId(),
            1,
            UUID.randomUUID(),
            2,
            terms,
            T0);
    c.fund(T0);
    c.funded(hash(), T0);
    campaigns.add(c);
    campaign = c.id();
  }

  @Test
  void everyAcceptedLabelIsCreditedOnceAndOthersNever() {
    ledger.label(campaign, "alice", "ACCEPTED");
    ledger.label(campaign, "alice", "REJECTED");
    ledger.label(campaign, "bob", "ACCEPTED");
    ledger.label(campaign, "bob", "PENDING");

    assertThat(creditAll()).isEqualTo(2);
    assertThat(creditAll()).as("credited already").isZero();

    assertThat(ledger.entitlements(campaign))
        .containsEntry(alice, TokenAmount.ofTokens("1.5"))
        .containsEntry(bob, TokenAmount.ofTokens("1.5"));
    assertThat(ledger.unsettledLabels(campaign)).as("1 pending + 2 not settled").isEqualTo(3);
  }

  @Test
  void acceptedLabelsBeyondTheDepositedBudgetEarnNothingAndAreShownAsUnpaid() {
    for (int i = 0; i < 5; i++) {
      ledger.label(campaign, i < 3 ? "alice" : "bob", "ACCEPTED");
    }

    creditAll();

    assertThat(ledger.credited(campaign)).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(ledger.entitlements(campaign))
        .containsEntry(alice, TokenAmount.ofTokens("4.5"))
        .containsEntry(bob, TokenAmount.ofTokens("1.5"));
    assertThat(rewards.rewardsOf(new LabelerId("bob")))
        .singleElement()
        .extracting(RewardPosition::unpaidLabels)
        .isEqualTo(1L);
  }

  @Test
  void aSettlementStoresItsLeavesWithItsOperationAndTheNextWaitsUntilItIsPosted() {
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();

    assertThat(settleAll()).isEqualTo(1);
    ChainOperationKey key = EscrowOperation.settleKey(campaign, 1);
    assertThat(campaigns.findOperation(key)).isPresent();
    assertThat(ledger.leaves(campaign, 1))
        .containsExactly(new Entitlement(alice, TokenAmount.ofTokens("1.5")));

    ledger.label(campaign, "bob", "ACCEPTED");
    creditAll();
    assertThat(settleAll()).as("epoch 1 is on its way").isZero();

    RewardWork work = rewards.claim(key).orElseThrow();
    rewards.recordSettled(key, posted(1, work));
    assertThat(campaigns.findOperation(key).orElseThrow().status())
        .isEqualTo(EscrowOperationStatus.DONE);

    assertThat(settleAll()).isEqualTo(1);
    assertThat(ledger.leaves(campaign, 2))
        .as("every labeler's cumulative amount, not only the change")
        .containsExactlyInAnyOrder(
            new Entitlement(alice, TokenAmount.ofTokens("1.5")),
            new Entitlement(bob, TokenAmount.ofTokens("1.5")));
    assertThat(settleAll()).isZero();
  }

  @Test
  void anAttemptInterruptedByACrashIsResumedWithTheSameLeavesAfterTheLease() {
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();
    settleAll();
    ChainOperationKey key = EscrowOperation.settleKey(campaign, 1);

    RewardWork first = rewards.claim(key).orElseThrow();
    // the process dies here, before any outcome is recorded
    assertThat(rewards.claim(key)).as("held by the lease").isEmpty();
    clock.advance(RewardService.OPERATION_LEASE);
    RewardWork again = rewards.claim(key).orElseThrow();

    assertThat(again.leaves()).isEqualTo(first.leaves());
    assertThat(again.key()).isEqualTo(first.key());
    assertThat(settleAll()).as("never a second snapshot for the epoch").isZero();
  }

  @Test
  void theSettlementPostedEventCompletesASettlementWhoseReceiptWasLost() {
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();
    settleAll();
    ChainOperationKey key = EscrowOperation.settleKey(campaign, 1);
    rewards.claim(key).orElseThrow();
    TxHash tx = hash();
    ledger.transactions.put(tx, key);

    rewards.applyConfirmed(event("SettlementPosted", tx, Map.of("epoch", "1", "root", root())));

    assertThat(ledger.settlement(campaign, 1).orElseThrow().isPosted()).isTrue();
    assertThat(campaigns.findOperation(key).orElseThrow().status())
        .isEqualTo(EscrowOperationStatus.DONE);
    clock.advance(RewardService.OPERATION_LEASE);
    assertThat(rewards.claim(key)).as("done: nothing is sent again").isEmpty();
  }

  @Test
  void aClaimIsQueuedOnceAgainstTheLatestRootAndPaysOnlyWhatIsLeft() {
    ledger.label(campaign, "alice", "ACCEPTED");
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();
    LabelerId aliceId = new LabelerId("alice");
    assertThatThrownBy(() -> rewards.requestClaim(campaign, aliceId))
        .isInstanceOf(NothingToClaimException.class);
    postEpoch(1);

    EscrowOperation claim = rewards.requestClaim(campaign, aliceId);
    assertThat(rewards.requestClaim(campaign, aliceId)).as("asked twice").isEqualTo(claim);
    assertThat(rewards.rewardsOf(aliceId, campaign).claimable()).isEqualTo(TokenAmount.ZERO);

    RewardWork work = rewards.claim(claim.key()).orElseThrow();
    assertThat(work.labeler()).contains(alice);
    assertThat(work.leaves()).containsExactly(new Entitlement(alice, TokenAmount.ofTokens("3")));
    TxHash tx = hash();
    rewards.recordClaimed(
        claim.key(),
        new RewardEscrow.Claim(alice, TokenAmount.ofTokens("3"), TokenAmount.ofTokens("3"), tx));

    RewardPosition position = rewards.rewardsOf(aliceId, campaign);
    assertThat(position.claimed()).isEqualTo(TokenAmount.ofTokens("3"));
    assertThat(position.claimable()).isEqualTo(TokenAmount.ZERO);
    assertThat(position.claimTransactions()).containsExactly(tx);
    assertThatThrownBy(() -> rewards.requestClaim(campaign, aliceId))
        .isInstanceOf(NothingToClaimException.class)
        .hasMessageContaining("nothing to claim");
  }

  @Test
  void aReplayedRewardClaimedEventAndTheReceiptOfTheSamePaymentCountOnce() {
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();
    postEpoch(1);
    EscrowOperation claim = rewards.requestClaim(campaign, new LabelerId("alice"));
    rewards.claim(claim.key()).orElseThrow();
    TxHash tx = hash();
    rewards.recordClaimed(
        claim.key(),
        new RewardEscrow.Claim(
            alice, TokenAmount.ofTokens("1.5"), TokenAmount.ofTokens("1.5"), tx));

    ChainEvent paid = claimed(tx, alice, "1.5", "1.5");
    rewards.applyConfirmed(paid);
    rewards.applyConfirmed(paid);

    assertThat(ledger.payments).hasSize(1);
    assertThat(ledger.claimed(campaign, alice)).isEqualTo(TokenAmount.ofTokens("1.5"));
  }

  @Test
  void aClaimSentFromTheLabelersOwnWalletIsRecognisedAndNotClaimableAgain() {
    ledger.label(campaign, "bob", "ACCEPTED");
    creditAll();
    postEpoch(1);

    rewards.applyConfirmed(claimed(hash(), bob, "1.5", "1.5"));

    assertThat(rewards.rewardsOf(new LabelerId("bob"), campaign).claimed())
        .isEqualTo(TokenAmount.ofTokens("1.5"));
    assertThatThrownBy(() -> rewards.requestClaim(campaign, new LabelerId("bob")))
        .isInstanceOf(NothingToClaimException.class);
  }

  @Test
  void aClaimWaitsWhileANewerRootIsOnItsWay() {
    ledger.label(campaign, "alice", "ACCEPTED");
    creditAll();
    postEpoch(1);
    EscrowOperation claim = rewards.requestClaim(campaign, new LabelerId("alice"));
    ledger.label(campaign, "bob", "ACCEPTED");
    creditAll();
    assertThat(settleAll()).as("no new root while a claim is on its way").isZero();

    // a root queued before the claim (the order the worker may meet them in)
    ledger.add(
        new Settlement(
            campaign,
            2,
            List.of(new Entitlement(alice, TokenAmount.ofTokens("1.5"))),
            2,
            Settlement.Status.PENDING,
            Optional.empty(),
            Optional.empty(),
            T0));

    assertThat(rewards.claim(claim.key())).isEmpty();
    assertThat(campaigns.findOperation(claim.key()).orElseThrow().message().orElseThrow())
        .contains("epoch 2");
  }

  @Test
  void theEscrowsCampaignIdIsTheUuidInTheLow16Bytes() {
    UUID id = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    assertThat(RewardService.campaignOf("0x" + "00".repeat(16) + id.toString().replace("-", "")))
        .isEqualTo(new CampaignId(id));
  }

  // --- helpers ---

  /** What the worker does each round: each campaign in its own call (transaction). */
  private int creditAll() {
    return rewards.campaignsToCredit(10).stream().mapToInt(rewards::credit).sum();
  }

  private int settleAll() {
    return (int) rewards.campaignsToSettle(10).stream().filter(rewards::settle).count();
  }

  private void postEpoch(int epoch) {
    assertThat(settleAll()).isEqualTo(1);
    ChainOperationKey key = EscrowOperation.settleKey(campaign, epoch);
    rewards.recordSettled(key, posted(epoch, rewards.claim(key).orElseThrow()));
  }

  private RewardEscrow.Settlement posted(int epoch, RewardWork work) {
    assertThat(work.kind()).isEqualTo(EscrowOperationKind.SETTLE);
    TokenAmount total =
        work.leaves().stream()
            .map(Entitlement::cumulative)
            .reduce(TokenAmount.ZERO, TokenAmount::plus);
    return new RewardEscrow.Settlement(epoch, root(), total, hash());
  }

  private ChainEvent claimed(TxHash tx, WalletAddress labeler, String amount, String cumulative) {
    return event(
        "RewardClaimed",
        tx,
        Map.of(
            "labeler",
            labeler.value(),
            "amount",
            TokenAmount.ofTokens(amount).units().toString(),
            "cumulativeAmount",
            TokenAmount.ofTokens(cumulative).units().toString()));
  }

  private ChainEvent event(String name, TxHash tx, Map<String, String> arguments) {
    Map<String, String> all = new java.util.HashMap<>(arguments);
    all.put("campaignId", "0x" + "00".repeat(16) + campaign.value().toString().replace("-", ""));
    return new ChainEvent(ESCROW, name, 42, "0x" + "ee".repeat(32), tx, 0, all);
  }

  private TxHash hash() {
    return TxHash.of("0x" + String.format("%064x", ++hashes));
  }

  private static String root() {
    return "0x" + HexFormat.of().formatHex(new byte[32]);
  }

  /** A clock the test moves on. */
  private static final class MutableClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
