package io.datamint.webapp.interfaces.web.campaign;

import io.datamint.domain.application.CampaignService.CampaignView;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.QueueCounts;
import java.time.Instant;

/** A line of "My campaigns": what the list shows, read from a campaign and its counts. */
public record CampaignRow(
    String id,
    String title,
    String state,
    long completeItems,
    long regularItems,
    long labeled,
    long slots,
    String budget,
    String reward,
    Instant deadline) {

  public static CampaignRow of(CampaignView view) {
    Campaign c = view.campaign();
    QueueCounts counts = view.counts();
    return new CampaignRow(
        c.id().toString(),
        c.title(),
        c.state().name(),
        counts.completeItems(),
        counts.items() - counts.goldItems(),
        counts.labeled(),
        counts.slots(),
        c.budget().toString(),
        c.reward().toString(),
        c.deadline());
  }

  /** Share of the labels asked for that were given, 0 to 1. */
  public double progress() {
    return slots == 0 ? 0 : (double) labeled / slots;
  }

  public boolean running() {
    return state.equals("FUNDING") || state.equals("OPEN") || state.equals("PAUSED");
  }
}
