package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignReporting.CampaignReport;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.QueueCounts;
import java.util.List;
import java.util.Map;

/**
 * A campaign's dashboard numbers for API users: the same figures the dashboard charts. Amounts are
 * decimal strings of the payment token; {@code agreement} is null while no item is complete.
 *
 * @param labelsPerItem index n = regular items with n labels (0 to k)
 * @param agreementDistribution index n = complete items whose most common answer was given n times
 */
public record StatisticsDocument(
    String campaign,
    String state,
    int k,
    long items,
    long regularItems,
    long completeItems,
    long labelsAskedFor,
    long labels,
    List<Long> labelsPerItem,
    Map<String, Long> labelDistribution,
    Double agreement,
    long agreeingItems,
    List<Long> agreementDistribution,
    Statuses statuses,
    Gold gold,
    Budget budget,
    long labelers,
    List<Labeler> topLabelers) {

  /** Regular labels by their fate. */
  public record Statuses(long accepted, long rejected, long pending) {}

  /** Answers on gold items, and how many matched the known answer. */
  public record Gold(long items, long answers, long correct) {}

  /**
   * @param spent accepted labels × reward (no payout ledger yet)
   * @param committed pending labels × reward: spent too if all are accepted
   */
  public record Budget(String budget, String reward, String spent, String left, String committed) {}

  public record Labeler(String labeler, String name, long labels, long accepted, long rejected) {}

  public static StatisticsDocument of(CampaignReport report) {
    Campaign c = report.campaign();
    CampaignFigures f = report.figures();
    QueueCounts counts = report.view().counts();
    return new StatisticsDocument(
        c.id().toString(),
        c.state().name(),
        c.labelsPerItem(),
        counts.items(),
        f.regularItems(),
        f.completeItems(),
        counts.slots(),
        f.regularLabels(),
        f.itemsByLabelCount(),
        f.labelCounts(),
        f.agreement().isPresent() ? f.agreement().getAsDouble() : null,
        f.agreeingItems(),
        f.itemsByMajority(),
        new Statuses(f.accepted(), f.rejected(), f.pending()),
        new Gold(counts.goldItems(), f.goldAnswers(), f.goldCorrect()),
        new Budget(
            c.budget().toString(),
            c.reward().toString(),
            report.spent().toString(),
            report.left().toString(),
            f.committed(c.reward()).toString()),
        f.labelers(),
        f.topLabelers().stream()
            .map(
                t ->
                    new Labeler(
                        t.labeler().value(),
                        report.nameOf(t.labeler()),
                        t.labels(),
                        t.accepted(),
                        t.rejected()))
            .toList());
  }
}
