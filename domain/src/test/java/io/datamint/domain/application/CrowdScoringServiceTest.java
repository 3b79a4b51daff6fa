package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.CrowdScoringService.ScoringJob;
import io.datamint.domain.application.CrowdScoringService.UnknownValidationJobException;
import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.CrowdLabels;
import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.JobRequester;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobQueue;
import io.datamint.domain.model.validation.ValidationJobRequests;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrowdScoringServiceTest {

  private static final JobRequester ALICE = new JobRequester("alice");
  private static final JobRequester BOB = new JobRequester("bob");

  private final InMemoryQueue queue = new InMemoryQueue();
  private final InMemoryRequests requests = new InMemoryRequests();
  private final CrowdScoringService service = new CrowdScoringService(queue, requests);

  private static CrowdLabels crowd() {
    return new CrowdLabels(
        List.of(
            new Annotation("i1", "w1", "yes"),
            new Annotation("i1", "w2", "yes"),
            new Annotation("i1", "w3", "no")),
        Map.of(),
        Map.of(),
        CrowdLabels.DEFAULT_THRESHOLD);
  }

  @Test
  void submittingTheSameLabelsTwiceQueuesOneJob() {
    ValidationJobId first = service.submit(ALICE, crowd());
    ValidationJobId second = service.submit(ALICE, crowd());

    assertThat(second).isEqualTo(first);
    assertThat(queue.batches).hasSize(1);
    assertThat(requests.requesterOf(first)).contains(ALICE);
  }

  @Test
  void aQueuedJobShowsItsStatusWithoutResultToItsRequester() {
    ValidationJobId job = service.submit(ALICE, crowd());

    ScoringJob seen = service.view(job, ALICE, false);

    assertThat(seen.status()).isEqualTo(ValidationJobStatus.PENDING);
    assertThat(seen.result()).isEmpty();
    assertThat(seen.summary()).isEmpty();
  }

  @Test
  void aDoneJobShowsItsResultAndSummary() {
    ValidationJobId job = service.submit(ALICE, crowd());
    queue.finish(
        job,
        new ValidationResult(
            List.of(
                new LabelScore("i1", "w1", "yes", 0.9, true),
                new LabelScore("i1", "w2", "yes", 0.9, true),
                new LabelScore("i1", "w3", "no", 0.1, false)),
            List.of(new ItemConsensus("i1", "yes", 0.9)),
            List.of(
                new LabelerReliability("w1", 0.8, 1),
                new LabelerReliability("w2", 0.7, 1),
                new LabelerReliability("w3", 0.3, 1))));

    ScoringJob seen = service.view(job, ALICE, false);

    assertThat(seen.status()).isEqualTo(ValidationJobStatus.DONE);
    CrowdScoringService.Summary summary = seen.summary().orElseThrow();
    assertThat(summary.items()).isEqualTo(1);
    assertThat(summary.labelers()).isEqualTo(3);
    assertThat(summary.labels()).isEqualTo(3);
    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.meanReliability()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anotherUsersJobIsUnknownToTheCallerButVisibleToAdmins() {
    ValidationJobId job = service.submit(ALICE, crowd());

    assertThatThrownBy(() -> service.view(job, BOB, false))
        .isInstanceOf(UnknownValidationJobException.class)
        .hasMessage("no validation job " + job);
    assertThat(service.view(job, BOB, true).status()).isEqualTo(ValidationJobStatus.PENDING);
  }

  @Test
  void theSameLabelsFromTwoUsersAreTwoJobs() {
    ValidationJobId alices = service.submit(ALICE, crowd());
    ValidationJobId bobs = service.submit(BOB, crowd());

    assertThat(bobs).isNotEqualTo(alices);
    assertThat(service.view(bobs, BOB, false).id()).isEqualTo(bobs);
  }

  @Test
  void aJobThatDoesNotExistIsUnknownEvenToAdmins() {
    assertThatThrownBy(() -> service.view(ValidationJobId.of(99), ALICE, true))
        .isInstanceOf(UnknownValidationJobException.class);
  }

  /** The queue as the port promises it: idempotent per job key. */
  private static final class InMemoryQueue implements ValidationJobQueue {
    final Map<String, ValidationJobId> byKey = new HashMap<>();
    final Map<ValidationJobId, ValidationBatch> batches = new HashMap<>();
    final Map<ValidationJobId, ValidationJobStatus> statuses = new HashMap<>();
    final Map<ValidationJobId, ValidationResult> results = new HashMap<>();

    @Override
    public ValidationJobId enqueue(ValidationBatch batch) {
      return byKey.computeIfAbsent(
          batch.jobKey(),
          key -> {
            ValidationJobId id = ValidationJobId.of(byKey.size() + 1);
            batches.put(id, batch);
            statuses.put(id, ValidationJobStatus.PENDING);
            return id;
          });
    }

    void finish(ValidationJobId id, ValidationResult result) {
      statuses.put(id, ValidationJobStatus.DONE);
      results.put(id, result);
    }

    @Override
    public Optional<ValidationJobStatus> status(ValidationJobId job) {
      return Optional.ofNullable(statuses.get(job));
    }

    @Override
    public Optional<ValidationResult> result(ValidationJobId job) {
      return Optional.ofNullable(results.get(job));
    }
  }

  private static final class InMemoryRequests implements ValidationJobRequests {
    final Map<ValidationJobId, JobRequester> requesters = new HashMap<>();

    @Override
    public void record(ValidationJobId job, JobRequester requester) {
      requesters.putIfAbsent(job, requester);
    }

    @Override
    public Optional<JobRequester> requesterOf(ValidationJobId job) {
      return Optional.ofNullable(requesters.get(job));
    }
  }
}
