package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignConsensus;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link CampaignConsensus} from what validation wrote: {@code campaign_item.consensus} (one label
 * per line) and {@code confidence}; gold items count with their known answer, at confidence 1.
 */
@ApplicationScoped
public class JdbcCampaignConsensus implements CampaignConsensus {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  /**
   * Settled: no round in flight and no label pending. Once a campaign is closed validation decides
   * every label in its next round (sure or not, no more evidence will come), so a closed campaign
   * settles after that round.
   */
  @Override
  public boolean settled(CampaignId campaign) {
    String sql =
        "SELECT NOT EXISTS (SELECT 1 FROM campaign_validation_round r"
            + "  WHERE r.campaign_id = ? AND r.state = 'IN_FLIGHT')"
            + " AND NOT EXISTS (SELECT 1 FROM campaign_label l"
            + "  WHERE l.campaign_id = ? AND l.status = 'PENDING')";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, campaign.value());
      select.setObject(2, campaign.value());
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell whether " + campaign + " is settled", e);
    }
  }

  @Override
  public List<ConsensusLabel> labelsOf(CampaignId campaign) {
    String sql =
        "SELECT item_id, locator, COALESCE(gold_answer, consensus) AS labels,"
            + " CASE WHEN gold_answer IS NOT NULL THEN 1.0 ELSE confidence END AS confidence"
            + " FROM campaign_item WHERE campaign_id = ?"
            + " AND (gold_answer IS NOT NULL OR consensus IS NOT NULL) ORDER BY ordinal";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, campaign.value());
      select.setFetchSize(1000);
      List<ConsensusLabel> labels = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          labels.add(
              new ConsensusLabel(
                  new ItemId(rs.getString("item_id")),
                  rs.getString("locator"),
                  List.of(rs.getString("labels").split("\n")),
                  Math.max(0, Math.min(1, rs.getDouble("confidence")))));
        }
      }
      return labels;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the consensus of " + campaign, e);
    }
  }
}
