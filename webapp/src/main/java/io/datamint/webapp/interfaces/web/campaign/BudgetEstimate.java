package io.datamint.webapp.interfaces.web.campaign;

import io.datamint.domain.model.chain.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The least budget a campaign needs, as the form shows it while the terms change: reward × k ×
 * regular items (items less gold items, whose answers are checks and not paid). The same rule as
 * {@link io.datamint.domain.model.campaign.CampaignTerms#requiredBudget}, computed from the form's
 * raw values before terms can exist.
 */
public record BudgetEstimate(TokenAmount reward, int labelsPerItem, long regularItems) {

  public BudgetEstimate {
    Objects.requireNonNull(reward, "reward must not be null");
  }

  /**
   * @throws IllegalArgumentException with what to fix when a value is missing or out of range
   */
  public static BudgetEstimate of(
      BigDecimal rewardTokens, Integer labelsPerItem, long items, int gold) {
    if (rewardTokens == null || rewardTokens.signum() <= 0) {
      throw new IllegalArgumentException("Enter a reward per accepted label above zero.");
    }
    if (labelsPerItem == null || labelsPerItem < 1) {
      throw new IllegalArgumentException("Enter how many labels each item gets (k).");
    }
    TokenAmount reward;
    try {
      reward = TokenAmount.ofTokens(rewardTokens.toPlainString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "A reward has at most " + TokenAmount.DECIMALS + " decimals.", e);
    }
    if (gold >= items) {
      throw new IllegalArgumentException(
          "Gold items must leave items to label: " + gold + " gold of " + items + " items.");
    }
    return new BudgetEstimate(reward, labelsPerItem, items - Math.max(0, gold));
  }

  public TokenAmount required() {
    return TokenAmount.ofUnits(
        reward
            .units()
            .multiply(BigInteger.valueOf(labelsPerItem))
            .multiply(BigInteger.valueOf(regularItems)));
  }

  /** How the minimum comes about, e.g. "1.5 × 2 labels × 3 items = 9". */
  public String explanation() {
    return reward
        + " × "
        + labelsPerItem
        + (labelsPerItem == 1 ? " label × " : " labels × ")
        + regularItems
        + (regularItems == 1 ? " item = " : " items = ")
        + required();
  }

  /** What the wallet lacks to deposit {@code budget}; empty when it holds enough. */
  public static Optional<TokenAmount> shortfall(TokenAmount balance, TokenAmount budget) {
    return balance.compareTo(budget) >= 0 ? Optional.empty() : Optional.of(budget.minus(balance));
  }
}
