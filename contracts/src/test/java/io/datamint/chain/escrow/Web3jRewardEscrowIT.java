package io.datamint.chain.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.chain.ChainFixture;
import io.datamint.chain.sales.Web3jDatasetSales;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.RewardEscrow.CampaignBalance;
import io.datamint.domain.model.chain.RewardEscrow.Claim;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Web3jRewardEscrowIT {

  static ChainFixture fixture;
  static Web3jRewardEscrow escrow;
  static Web3jDatasetSales tokens;
  static final WalletKey FUNDER = ChainFixture.key(1);
  static final WalletKey SELF_CLAIMING_LABELER = ChainFixture.key(3);

  @BeforeAll
  static void startChain() throws Exception {
    fixture = ChainFixture.start();
    escrow = new Web3jRewardEscrow(fixture.chain, fixture.contracts);
    tokens = new Web3jDatasetSales(fixture.chain, fixture.contracts);
  }

  @AfterAll
  static void stopChain() {
    fixture.close();
  }

  static ChainOperationKey key(String what) {
    return ChainOperationKey.of(what, UUID.randomUUID());
  }

  static WalletAddress freshLabeler() {
    return WalletAddress.of(
        String.format(
            "0x%040x",
            new java.math.BigInteger(
                    1,
                    UUID.randomUUID()
                        .toString()
                        .replace("-", "")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .mod(java.math.BigInteger.TWO.pow(160))));
  }

  static EscrowCampaignId fundedCampaign(String budget) throws Exception {
    EscrowCampaignId campaign = EscrowCampaignId.of(UUID.randomUUID());
    Instant end = Instant.ofEpochSecond(latestTimestamp() + 3_600);
    escrow.openCampaign(key("open"), FUNDER, campaign, TokenAmount.ofTokens(budget), end);
    return campaign;
  }

  static long latestTimestamp() throws Exception {
    return fixture
        .chain
        .web3j()
        .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getTimestamp()
        .longValueExact();
  }

  static Entitlement owed(WalletAddress labeler, String tokens) {
    return new Entitlement(labeler, TokenAmount.ofTokens(tokens));
  }

  @Test
  void theBudgetIsDepositedBeforeWorkStarts() throws Exception {
    TokenAmount before = tokens.balanceOf(FUNDER.address());
    EscrowCampaignId campaign = fundedCampaign("100");

    assertThat(escrow.balance(campaign).deposited()).isEqualTo(TokenAmount.ofTokens("100"));
    assertThat(before.minus(tokens.balanceOf(FUNDER.address())))
        .isEqualTo(TokenAmount.ofTokens("100"));
  }

  @Test
  void aRelayedClaimPaysTheLabelerWhatTheSettlementSays() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("100");
    WalletAddress alice = freshLabeler();
    WalletAddress bob = freshLabeler();
    List<Entitlement> epoch1 = List.of(owed(alice, "12.5"), owed(bob, "7"));

    var settlement = escrow.postSettlement(key("settle"), campaign, epoch1);
    Claim claim = escrow.claim(key("claim"), campaign, epoch1, alice);

    assertThat(settlement.epoch()).isEqualTo(1);
    assertThat(settlement.entitled()).isEqualTo(TokenAmount.ofTokens("19.5"));
    assertThat(claim.paid()).isEqualTo(TokenAmount.ofTokens("12.5"));
    assertThat(tokens.balanceOf(alice)).isEqualTo(TokenAmount.ofTokens("12.5"));
    assertThat(escrow.claimed(campaign, alice)).isEqualTo(TokenAmount.ofTokens("12.5"));
  }

  @Test
  void aLabelerCanClaimWithTheirOwnWallet() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("50");
    TokenAmount before = tokens.balanceOf(SELF_CLAIMING_LABELER.address());
    List<Entitlement> epoch1 =
        List.of(owed(SELF_CLAIMING_LABELER.address(), "3"), owed(freshLabeler(), "4"));
    escrow.postSettlement(key("settle"), campaign, epoch1);

    escrow.claimAsLabeler(key("claim"), SELF_CLAIMING_LABELER, campaign, epoch1);

    assertThat(tokens.balanceOf(SELF_CLAIMING_LABELER.address()).minus(before))
        .isEqualTo(TokenAmount.ofTokens("3"));
  }

  @Test
  void aSecondClaimOfTheSameEntitlementIsRejectedAndPaysNothing() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("100");
    WalletAddress alice = freshLabeler();
    List<Entitlement> epoch1 = List.of(owed(alice, "10"), owed(freshLabeler(), "5"));
    escrow.postSettlement(key("settle"), campaign, epoch1);
    escrow.claim(key("claim"), campaign, epoch1, alice);

    assertThatThrownBy(() -> escrow.claim(key("claim"), campaign, epoch1, alice))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("RewardEscrowNothingToClaim")
        .extracting(e -> ((ChainRejectedException) e).reason())
        .isEqualTo("RewardEscrowNothingToClaim");
    assertThat(tokens.balanceOf(alice)).isEqualTo(TokenAmount.ofTokens("10"));
  }

  @Test
  void theNextEpochPaysOnlyWhatWasEarnedSince() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("100");
    WalletAddress alice = freshLabeler();
    WalletAddress bob = freshLabeler();
    List<Entitlement> epoch1 = List.of(owed(alice, "10"), owed(bob, "5"));
    escrow.postSettlement(key("settle"), campaign, epoch1);
    escrow.claim(key("claim"), campaign, epoch1, alice);

    List<Entitlement> epoch2 = List.of(owed(alice, "16"), owed(bob, "9"));
    escrow.postSettlement(key("settle"), campaign, epoch2);
    Claim second = escrow.claim(key("claim"), campaign, epoch2, alice);

    assertThat(second.paid()).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(tokens.balanceOf(alice)).isEqualTo(TokenAmount.ofTokens("16"));
  }

  @Test
  void aSettlementBeyondTheBudgetIsRejected() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("10");

    assertThatThrownBy(
            () ->
                escrow.postSettlement(key("settle"), campaign, List.of(owed(freshLabeler(), "11"))))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("RewardEscrowInvalidEntitlement");
  }

  @Test
  void afterTheEndTheUnspentBudgetGoesBackToTheFunder() throws Exception {
    EscrowCampaignId campaign = fundedCampaign("100");
    WalletAddress alice = freshLabeler();
    List<Entitlement> epoch1 = List.of(owed(alice, "30"));
    escrow.postSettlement(key("settle"), campaign, epoch1);
    fixture.anvil.increaseTime(3_601);
    TokenAmount before = tokens.balanceOf(FUNDER.address());

    escrow.closeCampaign(key("close"), FUNDER, campaign);

    assertThat(tokens.balanceOf(FUNDER.address()).minus(before))
        .isEqualTo(TokenAmount.ofTokens("70"));
    escrow.claim(key("claim"), campaign, epoch1, alice);
    CampaignBalance balance = escrow.balance(campaign);
    assertThat(balance.closed()).isTrue();
    assertThat(balance.paid().plus(balance.refunded())).isEqualTo(balance.deposited());
  }
}
