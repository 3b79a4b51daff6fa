package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A label as given: one labeler's answer for one item of a campaign, under the lease it was given
 * for (one label per lease, one per labeler and item). Validation later sets its status.
 */
public record SubmittedLabel(
    LeaseId lease,
    CampaignId campaign,
    ItemId item,
    LabelerId labeler,
    List<String> labels,
    boolean gold,
    Instant submittedAt,
    LabelStatus status) {

  public SubmittedLabel {
    Objects.requireNonNull(lease, "lease must not be null");
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(item, "item must not be null");
    Objects.requireNonNull(labeler, "labeler must not be null");
    labels = List.copyOf(labels);
    Objects.requireNonNull(submittedAt, "time must not be null");
    Objects.requireNonNull(status, "status must not be null");
  }
}
