package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LabelerStanding;
import io.datamint.domain.model.campaign.LabelerStandings;
import io.datamint.domain.model.campaign.QualificationRule;
import io.datamint.domain.model.campaign.StandingState;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Labelers' standings in {@code campaign_labeler} (V41), in the caller's transaction. A standing is
 * created on first use with {@code INSERT … ON CONFLICT DO NOTHING} and then locked with {@code
 * SELECT … FOR UPDATE}, so two first requests never create two rows nor overwrite each other.
 */
@ApplicationScoped
public class JdbcLabelerStandings implements LabelerStandings {

  private static final String COLUMNS =
      "campaign_id, labeler_id, standing, qualification_answered, qualification_correct,"
          + " reliability, reliability_labels, block_reason, blocked_at, updated_at";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public JdbcLabelerStandings() {
    // for CDI
  }

  /** For tests and tools. */
  public JdbcLabelerStandings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public LabelerStanding lock(
      CampaignId campaign, LabelerId labeler, QualificationRule rule, Instant now) {
    LabelerStanding fresh = LabelerStanding.start(campaign, labeler, rule, now);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO campaign_labeler (campaign_id, labeler_id, standing, updated_at)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT (campaign_id, labeler_id) DO NOTHING")) {
        insert.setObject(1, campaign.value());
        insert.setString(2, labeler.value());
        insert.setString(3, fresh.state().name());
        insert.setTimestamp(4, Timestamp.from(now));
        insert.executeUpdate();
      }
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM campaign_labeler WHERE campaign_id = ? AND labeler_id = ? FOR UPDATE")) {
        select.setObject(1, campaign.value());
        select.setString(2, labeler.value());
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("the standing of " + labeler + " vanished");
          }
          return read(rs);
        }
      }
    } catch (SQLException e) {
      throw failure("lock a labeler's standing", e);
    }
  }

  @Override
  public Optional<LabelerStanding> find(CampaignId campaign, LabelerId labeler) {
    List<LabelerStanding> found =
        query(
            "SELECT " + COLUMNS + " FROM campaign_labeler WHERE campaign_id = ? AND labeler_id = ?",
            campaign.value(),
            labeler.value());
    return found.stream().findFirst();
  }

  @Override
  public List<LabelerStanding> of(CampaignId campaign) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM campaign_labeler WHERE campaign_id = ?"
            + " ORDER BY standing = 'BLOCKED' DESC, labeler_id",
        campaign.value());
  }

  @Override
  public void store(LabelerStanding s) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_labeler SET standing = ?, qualification_answered = ?,"
                    + " qualification_correct = ?, reliability = ?, reliability_labels = ?,"
                    + " block_reason = ?, blocked_at = ?, updated_at = ?"
                    + " WHERE campaign_id = ? AND labeler_id = ?")) {
      update.setString(1, s.state().name());
      update.setInt(2, s.qualificationAnswered());
      update.setInt(3, s.qualificationCorrect());
      if (s.reliability().isPresent()) {
        update.setDouble(4, s.reliability().getAsDouble());
      } else {
        update.setNull(4, Types.DOUBLE);
      }
      update.setInt(5, s.reliabilityLabels());
      update.setString(6, s.blockReason().orElse(null));
      update.setTimestamp(7, s.blockedAt().map(Timestamp::from).orElse(null));
      update.setTimestamp(8, Timestamp.from(s.updatedAt()));
      update.setObject(9, s.campaign().value());
      update.setString(10, s.labeler().value());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no standing of " + s.labeler() + " to store");
      }
    } catch (SQLException e) {
      throw failure("store a labeler's standing", e);
    }
  }

  private List<LabelerStanding> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        select.setObject(i + 1, args[i]);
      }
      List<LabelerStanding> found = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure("read labelers' standings", e);
    }
  }

  private static LabelerStanding read(ResultSet rs) throws SQLException {
    double reliability = rs.getDouble("reliability");
    Double r = rs.wasNull() ? null : reliability;
    Timestamp blockedAt = rs.getTimestamp("blocked_at");
    return LabelerStanding.restore(
        new CampaignId(rs.getObject("campaign_id", UUID.class)),
        new LabelerId(rs.getString("labeler_id")),
        StandingState.valueOf(rs.getString("standing")),
        rs.getInt("qualification_answered"),
        rs.getInt("qualification_correct"),
        r,
        rs.getInt("reliability_labels"),
        rs.getString("block_reason"),
        blockedAt == null ? null : blockedAt.toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
  }
}
