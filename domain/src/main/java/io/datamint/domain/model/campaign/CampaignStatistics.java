package io.datamint.domain.model.campaign;

/**
 * The read model of a campaign's dashboard: aggregates over its items and labels, computed where
 * the labels are (a handful of grouped queries, not a walk over every label), so that a campaign of
 * 100,000 labels answers in well under a second.
 */
public interface CampaignStatistics {

  /**
   * @param schema the campaign's label schema: every label appears in {@link
   *     CampaignFigures#labelCounts()}, in the schema's order, with zero when nobody chose it
   * @param labelsPerItem the campaign's k
   * @param topLabelers how many labelers {@link CampaignFigures#topLabelers()} lists at most
   */
  CampaignFigures figures(
      CampaignId campaign, LabelSchema schema, int labelsPerItem, int topLabelers);
}
