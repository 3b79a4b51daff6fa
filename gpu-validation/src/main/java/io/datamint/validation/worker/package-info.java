/**
 * The validation job queue on PostgreSQL and the standalone worker that drains it. The application
 * side ({@link io.datamint.validation.worker.PostgresValidationJobQueue}) enqueues batches and
 * reads results; workers ({@link io.datamint.validation.worker.ValidationWorker}) lease jobs with
 * {@code FOR UPDATE SKIP LOCKED}, keep the lease alive while scoring, and write the results in the
 * same transaction that marks the job done, fenced by the lease's attempt number. Plain JDBC.
 */
package io.datamint.validation.worker;
