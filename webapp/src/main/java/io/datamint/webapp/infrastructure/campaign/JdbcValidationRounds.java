package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ItemOutcome;
import io.datamint.domain.model.campaign.LabelStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.domain.model.campaign.RoundState;
import io.datamint.domain.model.campaign.ScoredLabel;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.ValidationCounts;
import io.datamint.domain.model.campaign.ValidationRound;
import io.datamint.domain.model.campaign.ValidationRounds;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Validation rounds and verdicts on PostgreSQL (tables and columns of {@code
 * V41__campaign_validation.sql}), in the caller's transaction. The database itself keeps the two
 * promises of the port: a partial unique index allows one IN_FLIGHT round per campaign, and a
 * trigger refuses any change of a decided label's status, quality or round.
 */
@ApplicationScoped
public class JdbcValidationRounds implements ValidationRounds {

  private static final String LABEL_COLUMNS =
      "l.lease_id, l.campaign_id, l.item_id, l.labeler_id, l.labels, l.gold, l.submitted_at,"
          + " l.status, l.quality";
  private static final String ROUND_COLUMNS =
      "campaign_id, round, job_id, state, batch_labels, decides, accepted, rejected, message,"
          + " created_at, finished_at";

  /** Regular items with every slot labeled. */
  private static final String COMPLETE =
      "NOT EXISTS (SELECT 1 FROM campaign_slot s WHERE s.campaign_id = l.campaign_id"
          + " AND s.ordinal = l.ordinal AND s.state <> 'LABELED')";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public JdbcValidationRounds() {
    // for CDI
  }

  /** For tests and tools. */
  public JdbcValidationRounds(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<CampaignId> campaignsWithDecidableLabels(int limit) {
    String sql =
        "SELECT c.id FROM campaign c WHERE c.state IN ('OPEN', 'PAUSED', 'CLOSED')"
            + " AND NOT EXISTS (SELECT 1 FROM campaign_validation_round r"
            + "   WHERE r.campaign_id = c.id AND r.state = 'IN_FLIGHT')"
            + " AND EXISTS (SELECT 1 FROM campaign_label l WHERE l.campaign_id = c.id"
            + "   AND l.status = 'PENDING' AND (c.state = 'CLOSED' OR (NOT l.gold AND "
            + COMPLETE
            + ")))"
            + " ORDER BY c.created_at LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setInt(1, limit);
      List<CampaignId> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(new CampaignId(rs.getObject(1, UUID.class)));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("find campaigns to validate", e);
    }
  }

  @Override
  public void lockCampaign(CampaignId campaign) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock =
            c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      lock.setString(1, "campaign-validation:" + campaign.value());
      lock.executeQuery().close();
    } catch (SQLException e) {
      throw failure("lock the campaign's validation", e);
    }
  }

  @Override
  public List<SubmittedLabel> labelsOf(CampaignId campaign) {
    return labels(
            "SELECT "
                + LABEL_COLUMNS
                + " FROM campaign_label l WHERE l.campaign_id = ?"
                + " ORDER BY l.submitted_at, l.lease_id",
            campaign.value())
        .stream()
        .map(ScoredLabel::label)
        .toList();
  }

  @Override
  public Set<ItemId> completeItems(CampaignId campaign) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT i.item_id FROM campaign_item i JOIN campaign_slot s"
                    + " ON s.campaign_id = i.campaign_id AND s.ordinal = i.ordinal"
                    + " WHERE i.campaign_id = ? GROUP BY i.item_id"
                    + " HAVING bool_and(s.state = 'LABELED')")) {
      select.setObject(1, campaign.value());
      Set<ItemId> complete = new HashSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          complete.add(new ItemId(rs.getString(1)));
        }
      }
      return complete;
    } catch (SQLException e) {
      throw failure("find complete items", e);
    }
  }

  @Override
  public Map<ItemId, List<String>> goldAnswers(CampaignId campaign) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT item_id, gold_answer FROM campaign_item WHERE campaign_id = ?"
                    + " AND gold_answer IS NOT NULL ORDER BY ordinal")) {
      select.setObject(1, campaign.value());
      Map<ItemId, List<String>> gold = new LinkedHashMap<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          gold.put(new ItemId(rs.getString(1)), split(rs.getString(2)));
        }
      }
      return gold;
    } catch (SQLException e) {
      throw failure("read the gold answers", e);
    }
  }

  @Override
  public List<Item> items(CampaignId campaign, Collection<ItemId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT item_id, locator, content_hash, byte_offset, byte_length"
                    + " FROM campaign_item WHERE campaign_id = ? AND item_id = ANY (?)"
                    + " ORDER BY ordinal")) {
      Array array = c.createArrayOf("varchar", ids.stream().map(ItemId::value).toArray());
      select.setObject(1, campaign.value());
      select.setArray(2, array);
      List<Item> items = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          items.add(
              new Item(
                  new ItemId(rs.getString(1)),
                  rs.getString(2),
                  new ContentHash(rs.getString(3)),
                  rs.getLong(4),
                  rs.getLong(5)));
        }
      }
      return items;
    } catch (SQLException e) {
      throw failure("read items", e);
    }
  }

  @Override
  public Optional<ValidationRound> latestRound(CampaignId campaign) {
    return rounds(
            "SELECT "
                + ROUND_COLUMNS
                + " FROM campaign_validation_round WHERE campaign_id = ?"
                + " ORDER BY round DESC LIMIT 1",
            campaign.value())
        .stream()
        .findFirst();
  }

  @Override
  public int failedInARow(CampaignId campaign) {
    return (int)
        count(
            "SELECT count(*) FROM campaign_validation_round WHERE campaign_id = ?"
                + " AND state = 'FAILED' AND round > coalesce((SELECT max(round)"
                + " FROM campaign_validation_round WHERE campaign_id = ? AND state = 'APPLIED'), 0)",
            campaign.value(),
            campaign.value());
  }

  @Override
  public void add(ValidationRound round, Collection<LeaseId> decides) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO campaign_validation_round (campaign_id, round, job_id, state,"
                  + " batch_labels, decides, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setObject(1, round.campaign().value());
        insert.setInt(2, round.number());
        insert.setLong(3, round.job().value());
        insert.setString(4, round.state().name());
        insert.setInt(5, round.batchLabels());
        insert.setInt(6, round.decides());
        insert.setTimestamp(7, Timestamp.from(round.createdAt()));
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO campaign_round_label (campaign_id, round, lease_id) VALUES (?, ?, ?)")) {
        for (LeaseId lease : decides) {
          insert.setObject(1, round.campaign().value());
          insert.setInt(2, round.number());
          insert.setObject(3, lease.value());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw failure("record a validation round", e);
    }
  }

  @Override
  public List<ValidationRound> inFlight(int limit) {
    return rounds(
        "SELECT "
            + ROUND_COLUMNS
            + " FROM campaign_validation_round WHERE state = 'IN_FLIGHT'"
            + " ORDER BY created_at LIMIT ?",
        limit);
  }

  @Override
  public Optional<ValidationRound> lockRound(CampaignId campaign, int number) {
    return rounds(
            "SELECT "
                + ROUND_COLUMNS
                + " FROM campaign_validation_round WHERE campaign_id = ? AND round = ? FOR UPDATE",
            campaign.value(),
            number)
        .stream()
        .findFirst();
  }

  @Override
  public void store(ValidationRound round) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_validation_round SET state = ?, accepted = ?, rejected = ?,"
                    + " message = ?, finished_at = ? WHERE campaign_id = ? AND round = ?")) {
      update.setString(1, round.state().name());
      update.setInt(2, round.accepted());
      update.setInt(3, round.rejected());
      update.setString(4, round.message().orElse(null));
      update.setTimestamp(5, round.finishedAt().map(Timestamp::from).orElse(null));
      update.setObject(6, round.campaign().value());
      update.setInt(7, round.number());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no round " + round + " to store");
      }
    } catch (SQLException e) {
      throw failure("store a validation round", e);
    }
  }

  @Override
  public List<SubmittedLabel> pendingOf(CampaignId campaign, int number) {
    return labels(
            "SELECT "
                + LABEL_COLUMNS
                + " FROM campaign_round_label r JOIN campaign_label l ON l.lease_id = r.lease_id"
                + " WHERE r.campaign_id = ? AND r.round = ? AND l.status = 'PENDING'"
                + " ORDER BY l.submitted_at, l.lease_id",
            campaign.value(),
            number)
        .stream()
        .map(ScoredLabel::label)
        .toList();
  }

  @Override
  public boolean decide(LeaseId label, LabelStatus status, double quality, int round, Instant now) {
    if (status == LabelStatus.PENDING) {
      throw new IllegalArgumentException("a decision accepts or rejects");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_label SET status = ?, quality = ?, decided_round = ?,"
                    + " decided_at = ? WHERE lease_id = ? AND status = 'PENDING'")) {
      update.setString(1, status.name());
      update.setDouble(2, quality);
      update.setInt(3, round);
      update.setTimestamp(4, Timestamp.from(now));
      update.setObject(5, label.value());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("decide a label", e);
    }
  }

  @Override
  public void recordConsensus(
      CampaignId campaign, ItemId item, List<String> consensus, double confidence, int round) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_item SET consensus = ?, confidence = ?, consensus_round = ?"
                    + " WHERE campaign_id = ? AND item_id = ?"
                    + " AND (consensus_round IS NULL OR consensus_round <= ?)")) {
      update.setString(1, String.join("\n", consensus));
      update.setDouble(2, confidence);
      update.setInt(3, round);
      update.setObject(4, campaign.value());
      update.setString(5, item.value());
      update.setInt(6, round);
      update.executeUpdate();
    } catch (SQLException e) {
      throw failure("record a consensus", e);
    }
  }

  @Override
  public ValidationCounts counts(CampaignId campaign) {
    UUID id = campaign.value();
    String sql =
        "SELECT (SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND status = 'ACCEPTED'),"
            + " (SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND status = 'REJECTED'),"
            + " (SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND status = 'PENDING'),"
            + " (SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND status = 'ACCEPTED'"
            + "   AND NOT gold),"
            + " (SELECT count(*) FROM campaign_item WHERE campaign_id = ? AND consensus IS NOT NULL),"
            + " (SELECT count(*) FROM campaign_validation_round WHERE campaign_id = ?),"
            + " (SELECT count(*) FROM campaign_validation_round WHERE campaign_id = ?"
            + "   AND state = 'FAILED'),"
            + " (SELECT count(*) FROM campaign_labeler WHERE campaign_id = ?"
            + "   AND standing = 'BLOCKED')";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 1; i <= 8; i++) {
        select.setObject(i, id);
      }
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return new ValidationCounts(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getInt(6),
            rs.getInt(7),
            rs.getInt(8),
            latestRound(campaign));
      }
    } catch (SQLException e) {
      throw failure("count the verdicts", e);
    }
  }

  @Override
  public List<ItemOutcome> outcomes(CampaignId campaign, long offset, int limit) {
    String sql =
        "SELECT i.item_id, i.ordinal, i.gold_answer IS NOT NULL, i.consensus, i.confidence,"
            + " count(l.lease_id), count(l.lease_id) FILTER (WHERE l.status = 'ACCEPTED'),"
            + " count(l.lease_id) FILTER (WHERE l.status = 'REJECTED'),"
            + " i.gold_answer IS NULL AND NOT EXISTS (SELECT 1 FROM campaign_slot s"
            + "   WHERE s.campaign_id = i.campaign_id AND s.ordinal = i.ordinal"
            + "   AND s.state <> 'LABELED')"
            + " FROM campaign_item i LEFT JOIN campaign_label l"
            + "   ON l.campaign_id = i.campaign_id AND l.ordinal = i.ordinal"
            + " WHERE i.campaign_id = ? GROUP BY i.campaign_id, i.ordinal"
            + " ORDER BY i.ordinal OFFSET ? LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, campaign.value());
      select.setLong(2, offset);
      select.setInt(3, limit);
      List<ItemOutcome> items = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String consensus = rs.getString(4);
          double confidence = rs.getDouble(5);
          OptionalDouble conf =
              rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(confidence);
          items.add(
              new ItemOutcome(
                  new ItemId(rs.getString(1)),
                  rs.getLong(2),
                  rs.getBoolean(3),
                  rs.getInt(6),
                  rs.getBoolean(9),
                  rs.getInt(7),
                  rs.getInt(8),
                  consensus == null ? List.of() : split(consensus),
                  conf));
        }
      }
      return items;
    } catch (SQLException e) {
      throw failure("read the items' outcomes", e);
    }
  }

  @Override
  public List<ScoredLabel> scoredLabelsBy(
      LabelerId labeler, Optional<CampaignId> campaign, int limit) {
    if (campaign.isPresent()) {
      return labels(
          "SELECT "
              + LABEL_COLUMNS
              + " FROM campaign_label l WHERE l.labeler_id = ? AND l.campaign_id = ?"
              + " ORDER BY l.submitted_at DESC, l.lease_id LIMIT ?",
          labeler.value(),
          campaign.get().value(),
          limit);
    }
    return labels(
        "SELECT "
            + LABEL_COLUMNS
            + " FROM campaign_label l WHERE l.labeler_id = ?"
            + " ORDER BY l.submitted_at DESC, l.lease_id LIMIT ?",
        labeler.value(),
        limit);
  }

  @Override
  public LabelTally tally(CampaignId campaign, LabelerId labeler) {
    String sql =
        "SELECT count(*), count(*) FILTER (WHERE gold),"
            + " count(*) FILTER (WHERE status = 'ACCEPTED'),"
            + " count(*) FILTER (WHERE status = 'REJECTED'),"
            + " count(*) FILTER (WHERE status = 'PENDING'), avg(quality)"
            + " FROM campaign_label WHERE campaign_id = ? AND labeler_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, campaign.value());
      select.setString(2, labeler.value());
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        double mean = rs.getDouble(6);
        OptionalDouble meanQuality =
            rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(mean);
        return new LabelTally(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), meanQuality);
      }
    } catch (SQLException e) {
      throw failure("count a labeler's labels", e);
    }
  }

  // --- helpers ---

  private List<ScoredLabel> labels(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      List<ScoredLabel> labels = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          double quality = rs.getDouble("quality");
          OptionalDouble q = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(quality);
          labels.add(
              new ScoredLabel(
                  new SubmittedLabel(
                      new LeaseId(rs.getObject("lease_id", UUID.class)),
                      new CampaignId(rs.getObject("campaign_id", UUID.class)),
                      new ItemId(rs.getString("item_id")),
                      new LabelerId(rs.getString("labeler_id")),
                      split(rs.getString("labels")),
                      rs.getBoolean("gold"),
                      rs.getTimestamp("submitted_at").toInstant(),
                      LabelStatus.valueOf(rs.getString("status"))),
                  q));
        }
      }
      return labels;
    } catch (SQLException e) {
      throw failure("read labels", e);
    }
  }

  private List<ValidationRound> rounds(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      List<ValidationRound> rounds = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Timestamp finished = rs.getTimestamp("finished_at");
          rounds.add(
              ValidationRound.restore(
                  new CampaignId(rs.getObject("campaign_id", UUID.class)),
                  rs.getInt("round"),
                  ValidationJobId.of(rs.getLong("job_id")),
                  rs.getInt("batch_labels"),
                  rs.getInt("decides"),
                  rs.getTimestamp("created_at").toInstant(),
                  RoundState.valueOf(rs.getString("state")),
                  rs.getInt("accepted"),
                  rs.getInt("rejected"),
                  rs.getString("message"),
                  finished == null ? null : finished.toInstant()));
        }
      }
      return rounds;
    } catch (SQLException e) {
      throw failure("read validation rounds", e);
    }
  }

  private long count(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("count", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  private static List<String> split(String lines) {
    return List.copyOf(Arrays.asList(lines.split("\n")));
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "campaign validation could not " + what + ": " + e.getMessage(), e);
  }
}
