package io.datamint.domain.model.chain;

import java.util.Objects;

/**
 * The chain refused an operation: a contract reverted (with its custom error decoded, e.g. {@code
 * RewardEscrowNothingToClaim}) or the node refused the transaction (e.g. not enough funds for gas).
 * Retrying the same operation will fail the same way until something changes.
 */
public class ChainRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason a short machine-readable name: the custom error's name, {@code Error}, {@code
   *     Panic}, {@code InsufficientFunds}, ...
   * @param message a sentence for people, with the decoded arguments
   */
  public ChainRejectedException(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason must not be null");
  }

  /** The custom error's name, or the kind of refusal. */
  public String reason() {
    return reason;
  }
}
