package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ConsensusRelease;
import io.datamint.domain.model.campaign.ConsensusReleases;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link ConsensusReleases} in {@code campaign_consensus_release}. */
@ApplicationScoped
public class JdbcConsensusReleases implements ConsensusReleases {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public Optional<ConsensusRelease> find(CampaignId campaign) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT state, file_name, version_number, items, message, released_at"
                    + " FROM campaign_consensus_release WHERE campaign_id = ?")) {
      select.setObject(1, campaign.value());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int version = rs.getInt("version_number");
        return Optional.of(
            new ConsensusRelease(
                campaign,
                ConsensusRelease.State.valueOf(rs.getString("state")),
                rs.getString("file_name"),
                rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version),
                rs.getLong("items"),
                rs.getString("message"),
                rs.getTimestamp("released_at").toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the consensus release of " + campaign, e);
    }
  }

  @Override
  public List<CampaignId> awaiting(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT c.id FROM campaign c"
                    + " LEFT JOIN campaign_consensus_release r ON r.campaign_id = c.id"
                    + " WHERE c.state = 'CLOSED' AND r.campaign_id IS NULL"
                    + " ORDER BY c.closed_at LIMIT ?")) {
      select.setInt(1, limit);
      List<CampaignId> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(new CampaignId(rs.getObject(1, UUID.class)));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the campaigns awaiting release", e);
    }
  }

  @Override
  public void record(ConsensusRelease release) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO campaign_consensus_release (campaign_id, state, file_name,"
                    + " version_number, items, message, released_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING")) {
      insert.setObject(1, release.campaign().value());
      insert.setString(2, release.state().name());
      insert.setString(3, release.fileName());
      if (release.version().isPresent()) {
        insert.setInt(4, release.version().getAsInt());
      } else {
        insert.setNull(4, Types.INTEGER);
      }
      insert.setLong(5, release.items());
      insert.setString(6, clip(release.message()));
      insert.setTimestamp(7, Timestamp.from(release.at()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the consensus release", e);
    }
  }

  private static String clip(String message) {
    String text = message == null ? "" : message;
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }
}
