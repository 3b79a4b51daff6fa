package io.datamint.domain.model.campaign;

/** Where a validation round of a campaign stands. */
public enum RoundState {
  /** Its job is queued or being scored; no other round of the campaign starts meanwhile. */
  IN_FLIGHT,
  /** The job's result was applied to the round's labels, the items and the labelers. */
  APPLIED,
  /** The job failed after its retries; the round's labels stay PENDING for a later round. */
  FAILED
}
