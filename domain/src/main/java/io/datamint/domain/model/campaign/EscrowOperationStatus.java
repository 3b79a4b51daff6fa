package io.datamint.domain.model.campaign;

/** Where an escrow operation stands. */
public enum EscrowOperationStatus {
  /** Waiting for the worker (first attempt, or again after a back-off). */
  QUEUED,
  /** Its transaction was recorded; the outcome is not known yet. */
  SUBMITTED,
  /** Done on chain. */
  DONE,
  /** Refused by the chain (a revert, no funds); final until retried. */
  FAILED;

  public boolean isPending() {
    return this == QUEUED || this == SUBMITTED;
  }
}
