package io.datamint.domain.model.validation;

/** Where a validation job stands. Only {@link #DONE} jobs have results. */
public enum ValidationJobStatus {
  /** Waiting for a worker (new, or released after a failed attempt). */
  PENDING,
  /** Leased by a worker; taken again by another one if the lease runs out. */
  RUNNING,
  /** Scored; the results are stored and never written again. */
  DONE,
  /** Gave up after too many attempts; the last error is kept with the job. */
  FAILED
}
