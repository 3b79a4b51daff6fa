package io.datamint.domain.model.validation;

import java.util.Optional;

/**
 * Who asked for which validation job. The queue itself knows jobs only by key; the application
 * keeps the requester beside it so that a job's status and results are shown to its requester (and
 * admins) only.
 */
public interface ValidationJobRequests {

  /**
   * Records that the requester asked for the job; repeating it changes nothing. Runs in the
   * caller's transaction, so the job and its requester are committed together.
   */
  void record(ValidationJobId job, JobRequester requester);

  /** The requester of the job, or empty when the application did not queue it for anybody. */
  Optional<JobRequester> requesterOf(ValidationJobId job);
}
