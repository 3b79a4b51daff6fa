package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.CampaignFigures.LabelerTally;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignStatistics;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dashboard's figures on PostgreSQL, in four grouped queries over {@code campaign_item} and
 * {@code campaign_label} (tables of {@code V40__campaigns.sql}), each reading one campaign's rows
 * through an index on {@code campaign_id}:
 *
 * <ol>
 *   <li>per regular item: how many labels, how many distinct answers, how often the most common
 *       answer was given — folded to counts of items per (labels, distinct answers, top) so that
 *       only a few rows leave the database;
 *   <li>labels per class, splitting multi-label answers (stored one label per line);
 *   <li>labels per status, gold answers and distinct labelers;
 *   <li>the labelers with the most regular labels.
 * </ol>
 *
 * Two answers agree when they are the same set of labels: the queue stores an answer in the
 * schema's order, so equal sets are equal strings.
 */
@ApplicationScoped
public class JdbcCampaignStatistics implements CampaignStatistics {

  private static final String PER_ITEM =
      "WITH answers AS ("
          + " SELECT ordinal, labels, count(*) AS given FROM campaign_label"
          + " WHERE campaign_id = ? AND NOT gold GROUP BY ordinal, labels),"
          + " per_item AS ("
          + " SELECT i.ordinal, coalesce(sum(a.given), 0) AS n, count(a.labels) AS distinct_answers,"
          + " coalesce(max(a.given), 0) AS top"
          + " FROM campaign_item i LEFT JOIN answers a ON a.ordinal = i.ordinal"
          + " WHERE i.campaign_id = ? AND i.gold_answer IS NULL GROUP BY i.ordinal)"
          + " SELECT n, distinct_answers, top, count(*) FROM per_item"
          + " GROUP BY n, distinct_answers, top";

  private static final String PER_CLASS =
      "SELECT answer.label, count(*) FROM campaign_label l,"
          + " unnest(string_to_array(l.labels, E'\\n')) AS answer(label)"
          + " WHERE l.campaign_id = ? AND NOT l.gold GROUP BY answer.label";

  private static final String PER_STATUS =
      "SELECT count(*) FILTER (WHERE NOT gold AND status = 'ACCEPTED'),"
          + " count(*) FILTER (WHERE NOT gold AND status = 'REJECTED'),"
          + " count(*) FILTER (WHERE NOT gold AND status = 'PENDING'),"
          + " count(*) FILTER (WHERE gold), count(*) FILTER (WHERE gold AND gold_correct),"
          + " count(DISTINCT labeler_id)"
          + " FROM campaign_label WHERE campaign_id = ?";

  private static final String TOP_LABELERS =
      "SELECT labeler_id, count(*), count(*) FILTER (WHERE status = 'ACCEPTED'),"
          + " count(*) FILTER (WHERE status = 'REJECTED')"
          + " FROM campaign_label WHERE campaign_id = ? AND NOT gold"
          + " GROUP BY labeler_id ORDER BY count(*) DESC, labeler_id LIMIT ?";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public JdbcCampaignStatistics() {
    // for CDI
  }

  /** For tests and tools. */
  public JdbcCampaignStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public CampaignFigures figures(
      CampaignId campaign, LabelSchema schema, int labelsPerItem, int topLabelers) {
    UUID id = campaign.value();
    try (Connection c = dataSource.getConnection()) {
      long[] byCount = new long[labelsPerItem + 1];
      long[] byMajority = new long[labelsPerItem + 1];
      long complete = 0;
      long agreeing = 0;
      try (PreparedStatement select = c.prepareStatement(PER_ITEM)) {
        select.setObject(1, id);
        select.setObject(2, id);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            int n = rs.getInt(1);
            long distinctAnswers = rs.getLong(2);
            int top = rs.getInt(3);
            long items = rs.getLong(4);
            if (n >= byCount.length) {
              byCount = Arrays.copyOf(byCount, n + 1);
            }
            byCount[n] += items;
            if (n >= labelsPerItem) {
              complete += items;
              if (distinctAnswers == 1) {
                agreeing += items;
              }
              if (top >= byMajority.length) {
                byMajority = Arrays.copyOf(byMajority, top + 1);
              }
              byMajority[top] += items;
            }
          }
        }
      }

      Map<String, Long> perClass = new LinkedHashMap<>();
      schema.labels().forEach(label -> perClass.put(label, 0L));
      try (PreparedStatement select = c.prepareStatement(PER_CLASS)) {
        select.setObject(1, id);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            perClass.merge(rs.getString(1), rs.getLong(2), Long::sum);
          }
        }
      }

      long accepted;
      long rejected;
      long pending;
      long goldAnswers;
      long goldCorrect;
      long labelers;
      try (PreparedStatement select = c.prepareStatement(PER_STATUS)) {
        select.setObject(1, id);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          accepted = rs.getLong(1);
          rejected = rs.getLong(2);
          pending = rs.getLong(3);
          goldAnswers = rs.getLong(4);
          goldCorrect = rs.getLong(5);
          labelers = rs.getLong(6);
        }
      }

      List<LabelerTally> top = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(TOP_LABELERS)) {
        select.setObject(1, id);
        select.setInt(2, topLabelers);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            top.add(
                new LabelerTally(
                    new LabelerId(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
          }
        }
      }
      return new CampaignFigures(
          labelsPerItem,
          boxed(byCount),
          perClass,
          complete,
          agreeing,
          boxed(byMajority),
          accepted,
          rejected,
          pending,
          goldAnswers,
          goldCorrect,
          labelers,
          top);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the figures of campaign " + campaign, e);
    }
  }

  private static List<Long> boxed(long[] counts) {
    return Arrays.stream(counts).boxed().toList();
  }
}
