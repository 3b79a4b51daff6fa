package io.datamint.domain.model.reward;

import io.datamint.domain.model.chain.TokenAmount;
import java.util.Objects;

/**
 * The ledger's entry for one accepted label: the reward it earned, or nothing when the campaign's
 * deposited budget was spent by the labels accepted before it ({@link #budgetSpent()}). Either way
 * the label is entered exactly once, so it is never looked at again and never paid twice.
 */
public record Credit(AcceptedLabel label, TokenAmount amount, boolean budgetSpent) {

  public Credit {
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(amount, "amount must not be null");
    if (budgetSpent != amount.isZero()) {
      throw new IllegalArgumentException("a credit is the full reward, or zero for a spent budget");
    }
  }
}
