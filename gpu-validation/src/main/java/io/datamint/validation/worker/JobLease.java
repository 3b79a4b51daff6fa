package io.datamint.validation.worker;

import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;

/**
 * A job held by a worker. {@code attempt} is the fencing token: every operation on the job checks
 * it, so once the lease has run out and another worker took the job, this lease is worthless.
 */
public record JobLease(ValidationJobId job, int attempt, String jobKey, ValidationBatch batch) {}
