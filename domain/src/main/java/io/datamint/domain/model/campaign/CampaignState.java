package io.datamint.domain.model.campaign;

/**
 * The life cycle of a campaign: DRAFT → FUNDING → OPEN ⇄ PAUSED → CLOSED; a DRAFT or FUNDING
 * campaign may also be CLOSED (abandoned, or its deposit failed and the owner gave up).
 */
public enum CampaignState {
  /** Terms set, items queued, nothing on chain yet; the owner may still abandon it. */
  DRAFT,
  /** The deposit of the budget into the reward escrow is queued or under way. */
  FUNDING,
  /** Funded on chain: labelers get tasks. */
  OPEN,
  /** No new tasks (leases already given may still be submitted). */
  PAUSED,
  /** Final: no tasks, no submissions; the unspent budget goes back to the funder. */
  CLOSED;

  /** Whether submissions of leases already given are accepted. */
  public boolean acceptsLabels() {
    return this == OPEN || this == PAUSED;
  }
}
