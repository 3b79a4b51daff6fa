package io.datamint.domain.model.campaign;

import io.datamint.domain.model.validation.ValidationJobId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validation round of a campaign: one job of the validation worker pool, built from all the
 * campaign's labels so far, that decides the labels listed when it was built (PENDING labels of
 * complete items, see {@link RoundPlan}). Numbered from 1 per campaign; the job key names the
 * campaign and the number, so enqueueing a round again finds its job instead of scoring twice.
 */
public final class ValidationRound {

  private static final int MAX_MESSAGE = 2000;

  private final CampaignId campaign;
  private final int number;
  private final ValidationJobId job;
  private final int batchLabels;
  private final int decides;
  private final Instant createdAt;
  private RoundState state;
  private int accepted;
  private int rejected;
  private String message;
  private Instant finishedAt;

  private ValidationRound(
      CampaignId campaign,
      int number,
      ValidationJobId job,
      int batchLabels,
      int decides,
      Instant createdAt,
      RoundState state,
      int accepted,
      int rejected,
      String message,
      Instant finishedAt) {
    this.campaign = Objects.requireNonNull(campaign, "campaign must not be null");
    if (number < 1) {
      throw new IllegalArgumentException("rounds are numbered from 1");
    }
    this.number = number;
    this.job = Objects.requireNonNull(job, "job must not be null");
    this.batchLabels = batchLabels;
    this.decides = decides;
    this.createdAt = Objects.requireNonNull(createdAt, "time must not be null");
    this.state = Objects.requireNonNull(state, "state must not be null");
    this.accepted = accepted;
    this.rejected = rejected;
    this.message = message;
    this.finishedAt = finishedAt;
  }

  /** A round whose job was just queued. */
  public static ValidationRound started(
      CampaignId campaign,
      int number,
      ValidationJobId job,
      int batchLabels,
      int decides,
      Instant now) {
    return new ValidationRound(
        campaign, number, job, batchLabels, decides, now, RoundState.IN_FLIGHT, 0, 0, null, null);
  }

  /** As stored (for the repository). */
  public static ValidationRound restore(
      CampaignId campaign,
      int number,
      ValidationJobId job,
      int batchLabels,
      int decides,
      Instant createdAt,
      RoundState state,
      int accepted,
      int rejected,
      String message,
      Instant finishedAt) {
    return new ValidationRound(
        campaign,
        number,
        job,
        batchLabels,
        decides,
        createdAt,
        state,
        accepted,
        rejected,
        message,
        finishedAt);
  }

  /** The validation job's key for round {@code number} of the campaign. */
  public static String jobKey(CampaignId campaign, int number) {
    return "campaign/" + campaign + "/round/" + number;
  }

  /**
   * The result was applied.
   *
   * @param missing labels of the round the result did not score (they stay PENDING)
   * @param deferred labels whose items are not sure enough yet (they stay PENDING)
   */
  public void applied(int accepted, int rejected, int missing, int deferred, Instant now) {
    requireInFlight();
    this.state = RoundState.APPLIED;
    this.accepted = accepted;
    this.rejected = rejected;
    List<String> notes = new ArrayList<>();
    if (deferred > 0) {
      notes.add(deferred + " labels wait for a surer consensus");
    }
    if (missing > 0) {
      notes.add(missing + " labels were not scored");
    }
    this.message = notes.isEmpty() ? null : String.join("; ", notes) + "; a later round decides";
    this.finishedAt = now;
  }

  /** The job failed for good; its labels wait for a later round. */
  public void failed(String why, Instant now) {
    requireInFlight();
    this.state = RoundState.FAILED;
    String text = why == null || why.isBlank() ? "the validation job failed" : why.strip();
    this.message = text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    this.finishedAt = now;
  }

  private void requireInFlight() {
    if (state != RoundState.IN_FLIGHT) {
      throw new IllegalStateException("round " + number + " of " + campaign + " is " + state);
    }
  }

  public CampaignId campaign() {
    return campaign;
  }

  public int number() {
    return number;
  }

  public String jobKey() {
    return jobKey(campaign, number);
  }

  public ValidationJobId job() {
    return job;
  }

  /** Labels the job was built from (all the campaign's labels at the time). */
  public int batchLabels() {
    return batchLabels;
  }

  /** Labels the round decides. */
  public int decides() {
    return decides;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public RoundState state() {
    return state;
  }

  public int accepted() {
    return accepted;
  }

  public int rejected() {
    return rejected;
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<Duration> took() {
    return finishedAt().map(f -> Duration.between(createdAt, f));
  }

  @Override
  public String toString() {
    return "ValidationRound[" + campaign + " #" + number + " " + state + "]";
  }
}
