package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.LabelingService.Task;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.ScoredLabel;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.TaskContent;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A task as a labeler gets it: the lease to submit under, when it expires, the item and its
 * content, and what to answer with. Never whether it is a gold item, never anyone's labels.
 */
public record TaskDocument(
    String leaseId,
    String campaign,
    String item,
    String expiresAt,
    String labelMode,
    List<String> labels,
    String instructions,
    Content content) {

  /** The item's content: {@code fields} of a record, a {@code text}, or an image in base64. */
  public record Content(
      String kind, Map<String, String> fields, String text, String mediaType, String base64) {

    static Content of(TaskContent c) {
      return new Content(
          c.kind().name(),
          c.kind() == TaskContent.Kind.FIELDS ? c.fields() : null,
          c.text(),
          c.mediaType(),
          c.bytes() == null ? null : Base64.getEncoder().encodeToString(c.bytes()));
    }
  }

  static TaskDocument of(Task task, TaskContent content) {
    Campaign campaign = task.campaign();
    return new TaskDocument(
        task.lease().id().toString(),
        campaign.id().toString(),
        task.lease().item().id().value(),
        task.lease().expiresAt().toString(),
        campaign.schema().mode().name(),
        campaign.schema().labels(),
        campaign.instructions(),
        content == null ? null : Content.of(content));
  }

  /**
   * A label as its labeler sees it: PENDING until validated, then ACCEPTED or REJECTED with its
   * quality score (the probability that it is right; null while PENDING).
   */
  public record Label(
      String leaseId,
      String campaign,
      String item,
      List<String> labels,
      String submittedAt,
      String status,
      Double quality) {

    static Label of(SubmittedLabel l) {
      return new Label(
          l.lease().toString(),
          l.campaign().toString(),
          l.item().value(),
          l.labels(),
          l.submittedAt().toString(),
          l.status().name(),
          null);
    }

    static Label of(ScoredLabel scored) {
      SubmittedLabel l = scored.label();
      return new Label(
          l.lease().toString(),
          l.campaign().toString(),
          l.item().value(),
          l.labels(),
          l.submittedAt().toString(),
          l.status().name(),
          scored.quality().isPresent() ? scored.quality().getAsDouble() : null);
    }
  }
}
