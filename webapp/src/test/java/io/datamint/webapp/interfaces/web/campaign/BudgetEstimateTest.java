package io.datamint.webapp.interfaces.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ItemId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetEstimateTest {

  @Test
  void theMinimumIsRewardTimesKTimesRegularItems() {
    BudgetEstimate estimate = BudgetEstimate.of(new BigDecimal("1.5"), 2, 4, 0);

    assertThat(estimate.required()).isEqualTo(TokenAmount.ofTokens("12"));
    assertThat(estimate.explanation()).isEqualTo("1.5 × 2 labels × 4 items = 12");
  }

  @Test
  void goldItemsAreNotPaidForSoTheyLeaveTheMinimum() {
    BudgetEstimate estimate = BudgetEstimate.of(new BigDecimal("0.25"), 3, 10, 2);

    assertThat(estimate.regularItems()).isEqualTo(8);
    assertThat(estimate.required()).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(estimate.explanation()).isEqualTo("0.25 × 3 labels × 8 items = 6");
  }

  @Test
  void theMinimumIsTheOneTheCampaignTermsRequire() {
    List<GoldItem> gold =
        List.of(new GoldItem(new ItemId("0123456789abcdef-000001"), List.of("a")));
    CampaignTerms terms =
        new CampaignTerms(
            "t",
            LabelSchema.single("a", "b"),
            "i",
            5,
            gold,
            4,
            TokenAmount.ofTokens("0.000000000000000007"),
            0.5,
            TokenAmount.ofTokens("1"),
            Instant.now().plus(Duration.ofDays(1)),
            null);

    BudgetEstimate estimate =
        BudgetEstimate.of(new BigDecimal("0.000000000000000007"), 5, 1_000_003, gold.size());

    assertThat(estimate.required()).isEqualTo(terms.requiredBudget(1_000_003));
  }

  @Test
  void missingOrImpossibleValuesSayWhatToFix() {
    assertThatThrownBy(() -> BudgetEstimate.of(null, 2, 4, 0)).hasMessageContaining("reward");
    assertThatThrownBy(() -> BudgetEstimate.of(BigDecimal.ZERO, 2, 4, 0))
        .hasMessageContaining("above zero");
    assertThatThrownBy(() -> BudgetEstimate.of(BigDecimal.ONE, null, 4, 0))
        .hasMessageContaining("(k)");
    assertThatThrownBy(() -> BudgetEstimate.of(new BigDecimal("1e-19"), 1, 4, 0))
        .hasMessageContaining("18 decimals");
    assertThatThrownBy(() -> BudgetEstimate.of(BigDecimal.ONE, 1, 4, 4))
        .hasMessageContaining("4 gold of 4 items");
  }

  @Test
  void theShortfallIsWhatTheWalletLacks() {
    assertThat(BudgetEstimate.shortfall(TokenAmount.ofTokens("2"), TokenAmount.ofTokens("12")))
        .contains(TokenAmount.ofTokens("10"));
    assertThat(BudgetEstimate.shortfall(TokenAmount.ofTokens("12"), TokenAmount.ofTokens("12")))
        .isEmpty();
  }
}
