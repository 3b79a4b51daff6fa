package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignValidationService.Standing;
import io.datamint.domain.model.campaign.LabelerStanding;

/**
 * A labeler's standing in a campaign: QUALIFYING (with how far the qualification round is),
 * QUALIFIED or BLOCKED (with the reason), the reliability validation estimates for them and how
 * their labels fared.
 */
public record StandingDocument(
    String campaign,
    String labeler,
    String state,
    String blockReason,
    Qualification qualification,
    Double reliability,
    int reliabilityLabels,
    Labels labels) {

  /** The qualification round: Q items, how many answered and right, how many right are needed. */
  public record Qualification(int items, int answered, int correct, int needed) {}

  /** The labeler's labels in the campaign; {@code meanQuality} of the decided ones. */
  public record Labels(
      long given, long gold, long accepted, long rejected, long pending, Double meanQuality) {}

  static StandingDocument of(Standing s, String labeler) {
    return new StandingDocument(
        s.campaign().id().toString(),
        labeler,
        s.state().name(),
        s.blockReason().orElse(null),
        new Qualification(
            s.qualificationItems(),
            s.qualificationAnswered(),
            s.qualificationCorrect(),
            s.qualificationNeeded()),
        s.reliability().isPresent() ? s.reliability().getAsDouble() : null,
        s.reliabilityLabels(),
        new Labels(
            s.labels().given(),
            s.labels().gold(),
            s.labels().accepted(),
            s.labels().rejected(),
            s.labels().pending(),
            s.labels().meanQuality().isPresent() ? s.labels().meanQuality().getAsDouble() : null));
  }

  /** One labeler as the campaign's owner sees them (no counts of their labels). */
  public record Labeler(
      String labeler,
      String state,
      String blockReason,
      String blockedAt,
      int qualificationAnswered,
      int qualificationCorrect,
      Double reliability,
      int reliabilityLabels) {

    static Labeler of(LabelerStanding s) {
      return new Labeler(
          s.labeler().value(),
          s.state().name(),
          s.blockReason().orElse(null),
          s.blockedAt().map(Object::toString).orElse(null),
          s.qualificationAnswered(),
          s.qualificationCorrect(),
          s.reliability().isPresent() ? s.reliability().getAsDouble() : null,
          s.reliabilityLabels());
    }
  }
}
