package io.datamint.domain.model.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One labeler's standing in one campaign: qualifying (answering the qualification round on gold
 * items), qualified, or blocked with the reason; and what validation last estimated of them (their
 * reliability campaign-wide and the number of labels behind it).
 *
 * <p>Rules it keeps: a labeler starts QUALIFYING when the campaign has a qualification round,
 * QUALIFIED otherwise; the round is judged by {@link QualificationRule} when its last answer is in;
 * BLOCKED is final (a later reliability is still recorded, so the labeler sees where they stand).
 * Stored by {@link LabelerStandings}.
 */
public final class LabelerStanding {

  private static final int MAX_REASON = 1000;

  private final CampaignId campaign;
  private final LabelerId labeler;
  private StandingState state;
  private int qualificationAnswered;
  private int qualificationCorrect;
  private Double reliability;
  private int reliabilityLabels;
  private String blockReason;
  private Instant blockedAt;
  private Instant updatedAt;

  private LabelerStanding(
      CampaignId campaign,
      LabelerId labeler,
      StandingState state,
      int qualificationAnswered,
      int qualificationCorrect,
      Double reliability,
      int reliabilityLabels,
      String blockReason,
      Instant blockedAt,
      Instant updatedAt) {
    this.campaign = Objects.requireNonNull(campaign, "campaign must not be null");
    this.labeler = Objects.requireNonNull(labeler, "labeler must not be null");
    this.state = Objects.requireNonNull(state, "state must not be null");
    this.qualificationAnswered = qualificationAnswered;
    this.qualificationCorrect = qualificationCorrect;
    this.reliability = reliability;
    this.reliabilityLabels = reliabilityLabels;
    this.blockReason = blockReason;
    this.blockedAt = blockedAt;
    this.updatedAt = Objects.requireNonNull(updatedAt, "time must not be null");
    if ((state == StandingState.BLOCKED) != (blockReason != null)) {
      throw new IllegalArgumentException("a blocked labeler, and only they, have a block reason");
    }
  }

  /** A labeler's first request in the campaign. */
  public static LabelerStanding start(
      CampaignId campaign, LabelerId labeler, QualificationRule rule, Instant now) {
    StandingState first = rule.applies() ? StandingState.QUALIFYING : StandingState.QUALIFIED;
    return new LabelerStanding(campaign, labeler, first, 0, 0, null, 0, null, null, now);
  }

  /** As stored (for the repository). */
  public static LabelerStanding restore(
      CampaignId campaign,
      LabelerId labeler,
      StandingState state,
      int qualificationAnswered,
      int qualificationCorrect,
      Double reliability,
      int reliabilityLabels,
      String blockReason,
      Instant blockedAt,
      Instant updatedAt) {
    return new LabelerStanding(
        campaign,
        labeler,
        state,
        qualificationAnswered,
        qualificationCorrect,
        reliability,
        reliabilityLabels,
        blockReason,
        blockedAt,
        updatedAt);
  }

  // --- verbs ---

  /**
   * One gold answer of the qualification round is in; the round is judged when it is the last.
   *
   * @return the outcome after this answer
   * @throws IllegalStateException unless QUALIFYING
   */
  public QualificationRule.Outcome answeredQualification(
      boolean correct, QualificationRule rule, Instant now) {
    if (state != StandingState.QUALIFYING) {
      throw new IllegalStateException(
          "labeler " + labeler + " is " + state + ", not answering the qualification round");
    }
    qualificationAnswered++;
    if (correct) {
      qualificationCorrect++;
    }
    updatedAt = now;
    QualificationRule.Outcome outcome = rule.judge(qualificationAnswered, qualificationCorrect);
    switch (outcome) {
      case PASSED -> state = StandingState.QUALIFIED;
      case FAILED ->
          block(
              "qualification failed: "
                  + qualificationCorrect
                  + " of "
                  + qualificationAnswered
                  + " gold answers right, "
                  + rule.needed()
                  + " needed",
              now);
      case IN_PROGRESS -> {
        // more gold answers to come
      }
    }
    return outcome;
  }

  /**
   * Blocks the labeler from the campaign for good; blocking again keeps the first reason.
   *
   * @param reason why, in words the labeler reads
   */
  public void block(String reason, Instant now) {
    Objects.requireNonNull(reason, "a block needs its reason");
    if (state == StandingState.BLOCKED) {
      return;
    }
    String text = reason.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a block needs its reason");
    }
    state = StandingState.BLOCKED;
    blockReason = text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    blockedAt = now;
    updatedAt = now;
  }

  /** Validation's latest estimate of the labeler, campaign-wide. */
  public void rated(double reliability, int labels, Instant now) {
    if (!(reliability >= 0 && reliability <= 1) || labels < 0) {
      throw new IllegalArgumentException(
          "a reliability is 0 to 1 over 0 or more labels, got " + reliability + " / " + labels);
    }
    this.reliability = reliability;
    this.reliabilityLabels = labels;
    this.updatedAt = now;
  }

  // --- queries ---

  public boolean isBlocked() {
    return state == StandingState.BLOCKED;
  }

  public boolean isQualifying() {
    return state == StandingState.QUALIFYING;
  }

  public CampaignId campaign() {
    return campaign;
  }

  public LabelerId labeler() {
    return labeler;
  }

  public StandingState state() {
    return state;
  }

  public int qualificationAnswered() {
    return qualificationAnswered;
  }

  public int qualificationCorrect() {
    return qualificationCorrect;
  }

  public OptionalDouble reliability() {
    return reliability == null ? OptionalDouble.empty() : OptionalDouble.of(reliability);
  }

  public int reliabilityLabels() {
    return reliabilityLabels;
  }

  public Optional<String> blockReason() {
    return Optional.ofNullable(blockReason);
  }

  public Optional<Instant> blockedAt() {
    return Optional.ofNullable(blockedAt);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "LabelerStanding[" + campaign + " " + labeler + " " + state + "]";
  }
}
