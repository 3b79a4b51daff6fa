package io.datamint.domain.model.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RewardBudgetTest {

  private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID());
  private static final WalletAddress ALICE =
      WalletAddress.of("0x1111111111111111111111111111111111111111");

  private static List<AcceptedLabel> labels(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new AcceptedLabel(UUID.randomUUID(), CAMPAIGN, new LabelerId("l"), ALICE))
        .toList();
  }

  @Test
  void everyLabelEarnsTheRewardWhileTheBudgetLasts() {
    RewardBudget budget = new RewardBudget(TokenAmount.ofTokens("6"), TokenAmount.ofTokens("1.5"));

    List<Credit> credits = budget.credit(TokenAmount.ZERO, labels(4));

    assertThat(credits).extracting(Credit::amount).containsOnly(TokenAmount.ofTokens("1.5"));
    assertThat(credits).noneMatch(Credit::budgetSpent);
  }

  @Test
  void aLabelWhoseWholeRewardNoLongerFitsEarnsNothingAndIsMarkedBudgetSpent() {
    RewardBudget budget = new RewardBudget(TokenAmount.ofTokens("4"), TokenAmount.ofTokens("1.5"));

    List<Credit> credits = budget.credit(TokenAmount.ZERO, labels(4));

    assertThat(credits)
        .extracting(Credit::amount)
        .containsExactly(
            TokenAmount.ofTokens("1.5"),
            TokenAmount.ofTokens("1.5"),
            TokenAmount.ZERO,
            TokenAmount.ZERO);
    assertThat(credits).extracting(Credit::budgetSpent).containsExactly(false, false, true, true);
    TokenAmount total =
        credits.stream().map(Credit::amount).reduce(TokenAmount.ZERO, TokenAmount::plus);
    assertThat(total).isLessThanOrEqualTo(TokenAmount.ofTokens("4"));
  }

  @Test
  void earlierCreditsCountAgainstTheBudget() {
    RewardBudget budget = new RewardBudget(TokenAmount.ofTokens("6"), TokenAmount.ofTokens("1.5"));

    List<Credit> credits = budget.credit(TokenAmount.ofTokens("4.5"), labels(2));

    assertThat(credits).extracting(Credit::budgetSpent).containsExactly(false, true);
  }

  @Test
  void aLedgerAlreadyBeyondTheBudgetCreditsNothingMore() {
    RewardBudget budget = new RewardBudget(TokenAmount.ofTokens("3"), TokenAmount.ofTokens("1"));

    assertThat(budget.credit(TokenAmount.ofTokens("5"), labels(1)))
        .singleElement()
        .matches(Credit::budgetSpent);
  }

  @Test
  void aCreditIsTheFullRewardOrZeroForASpentBudget() {
    AcceptedLabel label = labels(1).get(0);
    assertThatThrownBy(() -> new Credit(label, TokenAmount.ZERO, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Credit(label, TokenAmount.ofTokens("1"), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
