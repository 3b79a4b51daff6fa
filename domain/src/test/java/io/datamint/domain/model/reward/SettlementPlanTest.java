package io.datamint.domain.model.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettlementPlanTest {

  private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final WalletAddress ALICE =
      WalletAddress.of("0x2222222222222222222222222222222222222222");
  private static final WalletAddress BOB =
      WalletAddress.of("0x1111111111111111111111111111111111111111");
  private static final TxHash TX = TxHash.of("0x" + "ab".repeat(32));

  private static Map<WalletAddress, TokenAmount> ledger(String alice, String bob) {
    Map<WalletAddress, TokenAmount> m = new LinkedHashMap<>();
    m.put(ALICE, TokenAmount.ofTokens(alice));
    m.put(BOB, TokenAmount.ofTokens(bob));
    return m;
  }

  private static Settlement posted(int epoch, String alice, String bob) {
    return new Settlement(
        CAMPAIGN,
        epoch,
        List.of(
            new Entitlement(ALICE, TokenAmount.ofTokens(alice)),
            new Entitlement(BOB, TokenAmount.ofTokens(bob))),
        4,
        Settlement.Status.POSTED,
        Optional.of("0x" + "cd".repeat(32)),
        Optional.of(TX),
        NOW.minusSeconds(60));
  }

  @Test
  void theFirstSnapshotIsEpochOneWithEveryLabelersCumulativeAmountSortedByWallet() {
    Settlement first =
        SettlementPlan.next(CAMPAIGN, Optional.empty(), ledger("3", "1.5"), 3, NOW).orElseThrow();

    assertThat(first.epoch()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(Settlement.Status.PENDING);
    assertThat(first.leaves())
        .containsExactly(
            new Entitlement(BOB, TokenAmount.ofTokens("1.5")),
            new Entitlement(ALICE, TokenAmount.ofTokens("3")));
    assertThat(first.total()).isEqualTo(TokenAmount.ofTokens("4.5"));
    assertThat(first.creditCount()).isEqualTo(3);
  }

  @Test
  void nothingChangedSinceTheLatestRootMeansNoNewEpoch() {
    assertThat(
            SettlementPlan.next(
                CAMPAIGN, Optional.of(posted(2, "3", "1.5")), ledger("3", "1.5"), 3, NOW))
        .isEmpty();
  }

  @Test
  void aPendingEpochIsResumedNeverFollowedByASecondSnapshot() {
    Settlement pending =
        SettlementPlan.next(CAMPAIGN, Optional.empty(), ledger("3", "0"), 2, NOW).orElseThrow();

    assertThat(SettlementPlan.next(CAMPAIGN, Optional.of(pending), ledger("6", "3"), 6, NOW))
        .isEmpty();
  }

  @Test
  void aChangeAfterAPostedRootIsTheNextEpochWithAllLabelersNotOnlyTheChangedOnes() {
    Settlement next =
        SettlementPlan.next(
                CAMPAIGN, Optional.of(posted(2, "3", "1.5")), ledger("4.5", "1.5"), 4, NOW)
            .orElseThrow();

    assertThat(next.epoch()).isEqualTo(3);
    assertThat(next.leaves())
        .containsExactly(
            new Entitlement(BOB, TokenAmount.ofTokens("1.5")),
            new Entitlement(ALICE, TokenAmount.ofTokens("4.5")));
  }

  @Test
  void labelersWithNothingEarnedAreNoLeavesAndAnEmptyLedgerIsNoEpoch() {
    Settlement first =
        SettlementPlan.next(CAMPAIGN, Optional.empty(), ledger("1", "0"), 1, NOW).orElseThrow();
    assertThat(first.leaves()).extracting(Entitlement::labeler).containsExactly(ALICE);
    assertThat(SettlementPlan.next(CAMPAIGN, Optional.empty(), ledger("0", "0"), 0, NOW)).isEmpty();
  }

  @Test
  void aLedgerBelowTheLatestRootIsRefused() {
    assertThatThrownBy(
            () ->
                SettlementPlan.next(
                    CAMPAIGN, Optional.of(posted(1, "3", "1.5")), ledger("1.5", "1.5"), 2, NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never taken back");
  }

  @Test
  void aWalletTwiceInTheLeavesIsRefused() {
    assertThatThrownBy(
            () ->
                new Settlement(
                    CAMPAIGN,
                    1,
                    List.of(
                        new Entitlement(ALICE, TokenAmount.ofTokens("1")),
                        new Entitlement(ALICE, TokenAmount.ofTokens("2"))),
                    2,
                    Settlement.Status.PENDING,
                    Optional.empty(),
                    Optional.empty(),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
