package io.datamint.validation.worker;

import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: claims a job, keeps its lease alive while scoring, stores the results, repeats. Runs
 * until {@link #stop()}; many workers (threads or processes, on any number of machines) can share
 * one queue.
 */
public final class ValidationWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationWorker.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

  private final String workerId;
  private final PostgresJobLeases leases;
  private final Function<ValidationBatch, ValidationResult> scorer;
  private final Duration lease;
  private final Duration poll;
  private final ScheduledExecutorService heartbeat;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public ValidationWorker(
      String workerId,
      PostgresJobLeases leases,
      Function<ValidationBatch, ValidationResult> scorer,
      Duration lease,
      Duration poll) {
    this.workerId = Objects.requireNonNull(workerId, "worker id must not be null");
    this.leases = Objects.requireNonNull(leases, "leases must not be null");
    this.scorer = Objects.requireNonNull(scorer, "scorer must not be null");
    this.lease = Objects.requireNonNull(lease, "lease must not be null");
    this.poll = Objects.requireNonNull(poll, "poll must not be null");
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lease-heartbeat-" + workerId);
              t.setDaemon(true);
              return t;
            });
  }

  /** What happened to one claimed job. */
  public enum Outcome {
    /** No job was ready. */
    IDLE,
    /** Scored and stored. */
    DONE,
    /** Scoring failed; the job went back to the queue (or to FAILED after its last attempt). */
    FAILED,
    /** The lease ran out and another worker took the job: nothing was written. */
    LEASE_LOST
  }

  @Override
  public void run() {
    LOG.info("worker {} started (lease {}, poll {})", workerId, lease, poll);
    while (running.get()) {
      Outcome outcome;
      try {
        outcome = runOnce();
      } catch (RuntimeException e) {
        // The database may be restarting: wait and try again rather than die.
        LOG.warn("worker {}: {} ({})", workerId, e.getMessage(), rootCause(e));
        outcome = Outcome.IDLE;
      }
      if (outcome == Outcome.IDLE && running.get()) {
        sleep(poll);
      }
    }
    heartbeat.shutdownNow();
    LOG.info("worker {} stopped", workerId);
  }

  /** Takes and processes at most one job. */
  public Outcome runOnce() {
    Optional<JobLease> claimed = leases.claim(workerId, lease);
    if (claimed.isEmpty()) {
      return Outcome.IDLE;
    }
    JobLease job = claimed.get();
    LOG.info(
        "worker {} took job {} ({}, attempt {}, {} labels)",
        workerId,
        job.job(),
        job.jobKey(),
        job.attempt(),
        job.batch().annotations().size());
    AtomicBoolean lost = new AtomicBoolean(false);
    long period = Math.max(1, lease.toMillis() / 3);
    ScheduledFuture<?> renewal =
        heartbeat.scheduleAtFixedRate(
            () -> {
              try {
                if (!leases.renew(job, lease)) {
                  lost.set(true);
                }
              } catch (RuntimeException e) {
                LOG.warn(
                    "worker {} could not renew job {}: {}", workerId, job.job(), e.getMessage());
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    try {
      ValidationResult result = scorer.apply(job.batch());
      renewal.cancel(false);
      if (lost.get() || !leases.complete(job, result)) {
        LOG.warn("worker {} lost the lease of job {}: results discarded", workerId, job.job());
        return Outcome.LEASE_LOST;
      }
      LOG.info("worker {} finished job {}", workerId, job.job());
      return Outcome.DONE;
    } catch (RuntimeException e) {
      renewal.cancel(false);
      LOG.error("worker {} failed job {}", workerId, job.job(), e);
      leases.release(job, String.valueOf(e), retryDelay(job.attempt()));
      return Outcome.FAILED;
    } finally {
      // Also on an Error (e.g. out of memory): a lease nobody works on must be left to expire.
      renewal.cancel(false);
    }
  }

  /** Asks the loop to end after the current job. */
  public void stop() {
    running.set(false);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  static Duration retryDelay(int attempt) {
    long seconds = 1L << Math.min(attempt, 20);
    return seconds > MAX_RETRY_DELAY.toSeconds() ? MAX_RETRY_DELAY : Duration.ofSeconds(seconds);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
