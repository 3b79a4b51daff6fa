package io.datamint.domain.model.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An amount of an ERC-20 token in its smallest unit (for an 18-decimal token, 10^18 units make one
 * token). Never negative: a debt is not an amount of tokens.
 */
public record TokenAmount(BigInteger units) implements Comparable<TokenAmount> {

  /** Decimals of the payment token and of datatokens. */
  public static final int DECIMALS = 18;

  public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

  public TokenAmount {
    Objects.requireNonNull(units, "units must not be null");
    if (units.signum() < 0) {
      throw new IllegalArgumentException("a token amount cannot be negative: " + units);
    }
  }

  public static TokenAmount ofUnits(BigInteger units) {
    return new TokenAmount(units);
  }

  public static TokenAmount ofUnits(long units) {
    return new TokenAmount(BigInteger.valueOf(units));
  }

  /** Whole tokens with {@link #DECIMALS} decimals, e.g. {@code ofTokens("12.5")}. */
  public static TokenAmount ofTokens(String decimal) {
    BigDecimal value = new BigDecimal(decimal).movePointRight(DECIMALS);
    try {
      return new TokenAmount(value.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "more than " + DECIMALS + " decimals in a token amount: " + decimal, e);
    }
  }

  public TokenAmount plus(TokenAmount other) {
    return new TokenAmount(units.add(other.units));
  }

  /**
   * @throws IllegalArgumentException if {@code other} is larger than this amount
   */
  public TokenAmount minus(TokenAmount other) {
    return new TokenAmount(units.subtract(other.units));
  }

  public boolean isZero() {
    return units.signum() == 0;
  }

  /** The amount in whole tokens, exact, without trailing zeros. */
  public BigDecimal inTokens() {
    return new BigDecimal(units).movePointLeft(DECIMALS).stripTrailingZeros();
  }

  @Override
  public int compareTo(TokenAmount other) {
    return units.compareTo(other.units);
  }

  @Override
  public String toString() {
    return inTokens().toPlainString();
  }
}
