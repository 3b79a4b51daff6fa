package io.datamint.domain.model.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * Where validation of a campaign stands.
 *
 * @param accepted labels accepted (regular and gold)
 * @param rejected labels rejected
 * @param pending labels not decided yet
 * @param paidAccepted regular (not gold) labels accepted: what rewards are owed for
 * @param itemsWithConsensus items a round has given a consensus
 * @param rounds validation rounds so far
 * @param failedRounds rounds whose job failed
 * @param blockedLabelers labelers blocked from the campaign
 * @param latest the latest round, if any
 */
public record ValidationCounts(
    long accepted,
    long rejected,
    long pending,
    long paidAccepted,
    long itemsWithConsensus,
    int rounds,
    int failedRounds,
    int blockedLabelers,
    Optional<ValidationRound> latest) {

  public ValidationCounts {
    Objects.requireNonNull(latest, "latest must not be null (may be empty)");
  }
}
