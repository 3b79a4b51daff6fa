package io.datamint.domain.model.validation;

import java.util.Optional;

/**
 * The queue between the application and the validation workers. The application enqueues a batch
 * and later reads its results; workers (separate processes) take the jobs. Implementations must
 * make {@link #enqueue} idempotent per {@link ValidationBatch#jobKey()}.
 */
public interface ValidationJobQueue {

  /** Queues the batch, or returns the existing job when one with the same key was queued before. */
  ValidationJobId enqueue(ValidationBatch batch);

  /** The job's state, or empty when no such job exists. */
  Optional<ValidationJobStatus> status(ValidationJobId job);

  /** The job's results once it is {@link ValidationJobStatus#DONE}; empty before. */
  Optional<ValidationResult> result(ValidationJobId job);
}
