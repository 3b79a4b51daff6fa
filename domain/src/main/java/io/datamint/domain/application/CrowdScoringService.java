package io.datamint.domain.application;

import io.datamint.domain.model.validation.CrowdLabels;
import io.datamint.domain.model.validation.JobRequester;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobQueue;
import io.datamint.domain.model.validation.ValidationJobRequests;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Bring your own crowd labels": a user sends labels collected anywhere and gets them scored by the
 * validation workers (flow 3) — a quality per label, a consensus per item, a reliability per
 * labeler. Jobs are the requester's own; admins see every job.
 */
@ApplicationScoped
@Transactional
public class CrowdScoringService {

  private static final Logger LOG = Logger.getLogger(CrowdScoringService.class.getName());

  private ValidationJobQueue queue;
  private ValidationJobRequests requests;

  /** A job as its requester sees it; the result is present once the job is DONE. */
  public record ScoringJob(
      ValidationJobId id, ValidationJobStatus status, Optional<ValidationResult> result) {

    public ScoringJob {
      Objects.requireNonNull(id, "job id must not be null");
      Objects.requireNonNull(status, "status must not be null");
      Objects.requireNonNull(result, "result must not be null (may be empty)");
    }

    /** Counts for a first look, computed from the result. */
    public Optional<Summary> summary() {
      return result.map(Summary::of);
    }
  }

  /**
   * What a finished job found, in numbers.
   *
   * @param meanReliability the labelers' reliabilities averaged with equal weight (0 without any)
   */
  public record Summary(
      int items, int labelers, int labels, int accepted, int rejected, double meanReliability) {

    static Summary of(ValidationResult result) {
      int accepted = (int) result.labels().stream().filter(LabelScore::accepted).count();
      double mean =
          result.labelers().stream()
              .mapToDouble(LabelerReliability::reliability)
              .average()
              .orElse(0.0);
      return new Summary(
          result.items().size(),
          result.labelers().size(),
          result.labels().size(),
          accepted,
          result.labels().size() - accepted,
          mean);
    }
  }

  /** No such job, or not the caller's: the two look the same, so ids cannot be probed. */
  public static class UnknownValidationJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownValidationJobException(ValidationJobId id) {
      super("no validation job " + id);
    }
  }

  protected CrowdScoringService() {
    // for CDI proxies
  }

  @Inject
  public CrowdScoringService(ValidationJobQueue queue, ValidationJobRequests requests) {
    this.queue = Objects.requireNonNull(queue, "queue must not be null");
    this.requests = Objects.requireNonNull(requests, "requests must not be null");
  }

  /**
   * Queues the labels for scoring. The same labels from the same requester name the same job, so a
   * retried upload never queues the work twice.
   *
   * @throws IllegalArgumentException when the labels do not make a batch
   */
  public ValidationJobId submit(JobRequester requester, CrowdLabels labels) {
    Objects.requireNonNull(labels, "labels must not be null");
    ValidationBatch batch = labels.toBatch(requester);
    ValidationJobId job = queue.enqueue(batch);
    requests.record(job, requester);
    LOG.info(
        () ->
            "validation job "
                + job
                + " for "
                + requester
                + ": "
                + batch.annotations().size()
                + " labels");
    return job;
  }

  /**
   * The job's status, and its result once done.
   *
   * @throws UnknownValidationJobException when there is no such job, or it is neither the caller's
   *     nor the caller an admin
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ScoringJob view(ValidationJobId id, JobRequester caller, boolean admin) {
    Optional<JobRequester> requester = requests.requesterOf(id);
    boolean visible = admin || requester.filter(caller::equals).isPresent();
    if (!visible) {
      throw new UnknownValidationJobException(id);
    }
    ValidationJobStatus status =
        queue.status(id).orElseThrow(() -> new UnknownValidationJobException(id));
    Optional<ValidationResult> result =
        status == ValidationJobStatus.DONE ? queue.result(id) : Optional.empty();
    return new ScoringJob(id, status, result);
  }
}
