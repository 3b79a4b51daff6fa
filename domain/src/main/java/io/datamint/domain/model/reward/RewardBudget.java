package io.datamint.domain.model.reward;

import io.datamint.domain.model.chain.TokenAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of crediting a campaign's accepted labels against its deposited budget.
 *
 * <p>Every accepted regular label earns the campaign's reward per label, in the order the labels
 * are credited, as long as the whole reward still fits into what is left of the budget. A label
 * whose reward no longer fits earns nothing and is entered as {@code budgetSpent}: a root may never
 * promise more than was deposited (the escrow refuses it), and a partial reward would make the rule
 * depend on timing. The campaign's required budget (reward × k × regular items) covers every label
 * it asks for, so this only happens when more labels are accepted than were paid for.
 */
public final class RewardBudget {

  private final TokenAmount budget;
  private final TokenAmount reward;

  public RewardBudget(TokenAmount budget, TokenAmount reward) {
    this.budget = Objects.requireNonNull(budget, "budget must not be null");
    this.reward = Objects.requireNonNull(reward, "reward must not be null");
    if (reward.isZero()) {
      throw new IllegalArgumentException("the reward per label must be more than zero");
    }
  }

  /**
   * The credits of {@code labels}, given what was credited before.
   *
   * @param alreadyCredited the sum of the campaign's earlier credits
   */
  public List<Credit> credit(TokenAmount alreadyCredited, List<AcceptedLabel> labels) {
    Objects.requireNonNull(alreadyCredited, "credited amount must not be null");
    TokenAmount left =
        alreadyCredited.compareTo(budget) >= 0 ? TokenAmount.ZERO : budget.minus(alreadyCredited);
    List<Credit> credits = new ArrayList<>(labels.size());
    for (AcceptedLabel label : labels) {
      if (reward.compareTo(left) <= 0) {
        credits.add(new Credit(label, reward, false));
        left = left.minus(reward);
      } else {
        credits.add(new Credit(label, TokenAmount.ZERO, true));
      }
    }
    return credits;
  }
}
