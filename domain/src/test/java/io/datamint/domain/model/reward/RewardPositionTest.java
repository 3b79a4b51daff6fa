package io.datamint.domain.model.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RewardPositionTest {

  private static RewardPosition position(
      String earned, String settled, String claimed, Optional<EscrowOperationStatus> claim) {
    return new RewardPosition(
        new CampaignId(UUID.randomUUID()),
        "Cat or dog",
        WalletAddress.of("0x1111111111111111111111111111111111111111"),
        TokenAmount.ofTokens(earned),
        TokenAmount.ofTokens(settled),
        2,
        TokenAmount.ofTokens(claimed),
        0,
        claim.map(
            s ->
                new RewardPosition.PendingClaim(
                    new ChainOperationKey("campaign:claim:x:2"),
                    2,
                    s,
                    Optional.empty(),
                    Optional.empty())),
        List.of());
  }

  @Test
  void claimableIsTheLatestRootsAmountBeyondWhatWasPaid() {
    RewardPosition p = position("6", "4.5", "1.5", Optional.empty());

    assertThat(p.claimable()).isEqualTo(TokenAmount.ofTokens("3"));
    assertThat(p.awaitingSettlement()).isEqualTo(TokenAmount.ofTokens("1.5"));
  }

  @Test
  void nothingIsClaimableWhileAClaimIsOnItsWay() {
    assertThat(position("3", "3", "0", Optional.of(EscrowOperationStatus.SUBMITTED)).claimable())
        .isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void aFailedClaimLeavesTheAmountClaimable() {
    assertThat(position("3", "3", "0", Optional.of(EscrowOperationStatus.FAILED)).claimable())
        .isEqualTo(TokenAmount.ofTokens("3"));
  }

  @Test
  void paidBeyondTheLedgerIsNeverANegativeClaim() {
    // e.g. a payment seen on chain before its root's confirmation reached the ledger
    assertThat(position("3", "1.5", "3", Optional.empty()).claimable()).isEqualTo(TokenAmount.ZERO);
  }
}
