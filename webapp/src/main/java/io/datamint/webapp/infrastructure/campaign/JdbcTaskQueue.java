package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.TaskQueue;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The task queue on PostgreSQL (tables of {@code V40__campaigns.sql}). Runs in the caller's
 * transaction (the container's JTA transaction, which the data source's connections join); its
 * guarantees come from the database, not from the callers:
 *
 * <ul>
 *   <li>leasing picks a slot with {@code FOR UPDATE SKIP LOCKED}: concurrent labelers never wait on
 *       each other and never get the same slot; a slot whose lease expired is free again (no
 *       sweeper: expiry is a comparison with the caller's clock);
 *   <li>a labeler gets an item at most once: the pick excludes items with any lease of theirs, and
 *       a unique index on (campaign, labeler, item) over all leases makes a second one impossible
 *       even if the pick were wrong;
 *   <li>one labeler's requests in a campaign are serialised with a transaction-scoped advisory lock
 *       ({@link #lockLabeler}), so they hold at most one live lease;
 *   <li>a label belongs to its lease (primary key) and to one (labeler, item) pair (unique).
 * </ul>
 *
 * <p>Each method holds at most one connection at a time. The container's pool gives a transaction
 * its enlisted connection again only for a handle opened after the previous one was closed; a
 * handle opened while another is still open takes a second pooled connection. Under load (200
 * labelers, a pool of 20; docs/benchmarks.md, "Labeling under load") every pooled connection was
 * held by a lease waiting for its second one, and the pool deadlocked until its wait timed out.
 */
@ApplicationScoped
public class JdbcTaskQueue implements TaskQueue {

  private static final String LEASE_COLUMNS =
      "l.lease_id, l.campaign_id, l.labeler_id, l.gold, l.state, l.leased_at, l.expires_at,"
          + " i.item_id, i.locator, i.content_hash, i.byte_offset, i.byte_length";
  private static final String LEASE_FROM =
      " FROM campaign_lease l JOIN campaign_item i"
          + " ON i.campaign_id = l.campaign_id AND i.ordinal = l.ordinal";
  private static final String LABEL_COLUMNS =
      "lease_id, campaign_id, item_id, labeler_id, labels, gold, submitted_at, status";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public JdbcTaskQueue() {
    // for CDI
  }

  /** For tests and tools: a queue over any data source whose connections share a transaction. */
  public JdbcTaskQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long create(
      CampaignId campaign, UUID versionId, int labelsPerItem, Map<ItemId, List<String>> gold) {
    try (Connection c = dataSource.getConnection()) {
      long items;
      try (PreparedStatement copy =
          c.prepareStatement(
              "INSERT INTO campaign_item (campaign_id, ordinal, item_id, locator, content_hash,"
                  + " byte_offset, byte_length) SELECT ?, ordinal, item_id, locator, content_hash,"
                  + " byte_offset, byte_length FROM dataset_item WHERE version_id = ?")) {
        copy.setObject(1, campaign.value());
        copy.setObject(2, versionId);
        items = copy.executeUpdate();
      }
      try (PreparedStatement mark =
          c.prepareStatement(
              "UPDATE campaign_item SET gold_answer = ? WHERE campaign_id = ? AND item_id = ?")) {
        for (Map.Entry<ItemId, List<String>> g : gold.entrySet()) {
          mark.setString(1, String.join("\n", g.getValue()));
          mark.setObject(2, campaign.value());
          mark.setString(3, g.getKey().value());
          if (mark.executeUpdate() != 1) {
            throw new IllegalArgumentException(
                "gold item " + g.getKey() + " is not an item of the dataset version");
          }
        }
      }
      try (PreparedStatement slots =
          c.prepareStatement(
              "INSERT INTO campaign_slot (campaign_id, ordinal, slot) SELECT i.campaign_id,"
                  + " i.ordinal, s FROM campaign_item i CROSS JOIN generate_series(1, ?) s"
                  + " WHERE i.campaign_id = ? AND i.gold_answer IS NULL")) {
        slots.setInt(1, labelsPerItem);
        slots.setObject(2, campaign.value());
        slots.executeUpdate();
      }
      return items;
    } catch (SQLException e) {
      throw failure("queue the items", e);
    }
  }

  @Override
  public void lockLabeler(CampaignId campaign, LabelerId labeler) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock =
            c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      lock.setString(1, "campaign-labeler:" + campaign.value() + ":" + labeler.value());
      lock.executeQuery().close();
    } catch (SQLException e) {
      throw failure("lock the labeler's queue", e);
    }
  }

  @Override
  public Optional<Lease> liveLease(CampaignId campaign, LabelerId labeler, Instant now) {
    return queryLease(
        "SELECT "
            + LEASE_COLUMNS
            + LEASE_FROM
            + " WHERE l.campaign_id = ? AND l.labeler_id = ? AND l.state = 'ACTIVE'"
            + " AND l.expires_at > ? ORDER BY l.leased_at DESC LIMIT 1",
        campaign.value(),
        labeler.value(),
        Timestamp.from(now));
  }

  @Override
  public Optional<Lease> leaseRegular(
      CampaignId campaign, LabelerId labeler, Instant now, Duration duration) {
    String pick =
        "SELECT s.ordinal, s.slot FROM campaign_slot s WHERE s.campaign_id = ?"
            + " AND (s.state = 'FREE' OR (s.state = 'LEASED' AND s.expires_at <= ?))"
            + " AND NOT EXISTS (SELECT 1 FROM campaign_lease l WHERE l.campaign_id = s.campaign_id"
            + " AND l.ordinal = s.ordinal AND l.labeler_id = ?)"
            + " ORDER BY s.ordinal, s.slot LIMIT 1 FOR UPDATE OF s SKIP LOCKED";
    try (Connection c = dataSource.getConnection()) {
      long ordinal;
      int slot;
      try (PreparedStatement select = c.prepareStatement(pick)) {
        select.setObject(1, campaign.value());
        select.setTimestamp(2, Timestamp.from(now));
        select.setString(3, labeler.value());
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          ordinal = rs.getLong(1);
          slot = rs.getInt(2);
        }
      }
      LeaseId lease = LeaseId.random();
      Instant expires = now.plus(duration);
      try (PreparedStatement take =
          c.prepareStatement(
              "UPDATE campaign_slot SET state = 'LEASED', lease_id = ?, expires_at = ?"
                  + " WHERE campaign_id = ? AND ordinal = ? AND slot = ?")) {
        take.setObject(1, lease.value());
        take.setTimestamp(2, Timestamp.from(expires));
        take.setObject(3, campaign.value());
        take.setLong(4, ordinal);
        take.setInt(5, slot);
        take.executeUpdate();
      }
      insertLease(c, lease, campaign, ordinal, slot, labeler, now, expires);
      return lockLease(c, lease);
    } catch (SQLException e) {
      throw failure("lease a task", e);
    }
  }

  @Override
  public Optional<Lease> leaseGold(
      CampaignId campaign, LabelerId labeler, Instant now, Duration duration) {
    try (Connection c = dataSource.getConnection()) {
      long ordinal;
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT i.ordinal FROM campaign_item i WHERE i.campaign_id = ?"
                  + " AND i.gold_answer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM campaign_lease l"
                  + " WHERE l.campaign_id = i.campaign_id AND l.ordinal = i.ordinal"
                  + " AND l.labeler_id = ?) ORDER BY i.ordinal LIMIT 1")) {
        select.setObject(1, campaign.value());
        select.setString(2, labeler.value());
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          ordinal = rs.getLong(1);
        }
      }
      LeaseId lease = LeaseId.random();
      insertLease(c, lease, campaign, ordinal, null, labeler, now, now.plus(duration));
      return lockLease(c, lease);
    } catch (SQLException e) {
      throw failure("lease a gold task", e);
    }
  }

  private static void insertLease(
      Connection c,
      LeaseId lease,
      CampaignId campaign,
      long ordinal,
      Integer slot,
      LabelerId labeler,
      Instant now,
      Instant expires)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO campaign_lease (lease_id, campaign_id, ordinal, slot, labeler_id, gold,"
                + " state, leased_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)")) {
      insert.setObject(1, lease.value());
      insert.setObject(2, campaign.value());
      insert.setLong(3, ordinal);
      insert.setObject(4, slot, java.sql.Types.INTEGER);
      insert.setString(5, labeler.value());
      insert.setBoolean(6, slot == null);
      insert.setTimestamp(7, Timestamp.from(now));
      insert.setTimestamp(8, Timestamp.from(expires));
      insert.executeUpdate();
    }
  }

  @Override
  public long answeredBy(CampaignId campaign, LabelerId labeler) {
    return count(
        "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND labeler_id = ?",
        campaign.value(),
        labeler.value());
  }

  @Override
  public Optional<Lease> lockLease(LeaseId lease) {
    try (Connection c = dataSource.getConnection()) {
      return lockLease(c, lease);
    } catch (SQLException e) {
      throw failure("read a lease", e);
    }
  }

  /** On the caller's open connection: see the class comment on one connection at a time. */
  private static Optional<Lease> lockLease(Connection c, LeaseId lease) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT " + LEASE_COLUMNS + LEASE_FROM + " WHERE l.lease_id = ? FOR UPDATE OF l")) {
      select.setObject(1, lease.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(readLease(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<SubmittedLabel> labelOf(LeaseId lease) {
    List<SubmittedLabel> found =
        queryLabels(
            "SELECT " + LABEL_COLUMNS + " FROM campaign_label WHERE lease_id = ?", lease.value());
    return found.stream().findFirst();
  }

  @Override
  public SubmittedLabel recordLabel(
      Lease lease, List<String> labels, Boolean goldCorrect, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      if (!lease.gold()) {
        try (PreparedStatement done =
            c.prepareStatement(
                "UPDATE campaign_slot SET state = 'LABELED', expires_at = NULL"
                    + " WHERE lease_id = ? AND state = 'LEASED'")) {
          done.setObject(1, lease.id().value());
          if (done.executeUpdate() != 1) {
            throw new IllegalStateException(
                "the slot of lease " + lease.id() + " was given to someone else");
          }
        }
      }
      try (PreparedStatement state =
          c.prepareStatement(
              "UPDATE campaign_lease SET state = 'LABELED' WHERE lease_id = ? AND state = 'ACTIVE'")) {
        state.setObject(1, lease.id().value());
        if (state.executeUpdate() != 1) {
          throw new IllegalStateException("lease " + lease.id() + " is not active");
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO campaign_label (lease_id, campaign_id, ordinal, item_id, labeler_id,"
                  + " labels, gold, gold_correct, submitted_at) SELECT l.lease_id, l.campaign_id,"
                  + " l.ordinal, ?, l.labeler_id, ?, l.gold, ?, ? FROM campaign_lease l"
                  + " WHERE l.lease_id = ?")) {
        insert.setString(1, lease.item().id().value());
        insert.setString(2, String.join("\n", labels));
        insert.setObject(3, goldCorrect, java.sql.Types.BOOLEAN);
        insert.setTimestamp(4, Timestamp.from(now));
        insert.setObject(5, lease.id().value());
        insert.executeUpdate();
      }
      return new SubmittedLabel(
          lease.id(),
          lease.campaign(),
          lease.item().id(),
          lease.labeler(),
          labels,
          lease.gold(),
          now,
          LabelStatus.PENDING);
    } catch (SQLException e) {
      throw failure("record a label", e);
    }
  }

  @Override
  public void recordSkip(Lease lease, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement state =
          c.prepareStatement(
              "UPDATE campaign_lease SET state = 'SKIPPED' WHERE lease_id = ? AND state = 'ACTIVE'")) {
        state.setObject(1, lease.id().value());
        if (state.executeUpdate() != 1) {
          throw new IllegalStateException("lease " + lease.id() + " is not active");
        }
      }
      try (PreparedStatement free =
          c.prepareStatement(
              "UPDATE campaign_slot SET state = 'FREE', lease_id = NULL, expires_at = NULL"
                  + " WHERE lease_id = ? AND state = 'LEASED'")) {
        free.setObject(1, lease.id().value());
        free.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record a skip", e);
    }
  }

  @Override
  public Optional<List<String>> goldAnswer(CampaignId campaign, ItemId item) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT gold_answer FROM campaign_item WHERE campaign_id = ? AND item_id = ?"
                    + " AND gold_answer IS NOT NULL")) {
      select.setObject(1, campaign.value());
      select.setString(2, item.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(split(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a gold answer", e);
    }
  }

  @Override
  public boolean hasPaidWorkLeft(CampaignId campaign, Instant now) {
    // one probe of the partial index of unlabeled slots, instead of counting (133 ms for a
    // campaign of 20,000 items under load: docs/benchmarks.md, "Labeling under load")
    return count(
            "SELECT count(*) FROM (SELECT 1 FROM campaign_slot WHERE campaign_id = ?"
                + " AND state <> 'LABELED' LIMIT 1) open",
            campaign.value())
        > 0;
  }

  @Override
  public QueueCounts counts(CampaignId campaign, Instant now) {
    String sql =
        "SELECT (SELECT count(*) FROM campaign_item WHERE campaign_id = ?),"
            + " (SELECT count(*) FROM campaign_item WHERE campaign_id = ?"
            + "   AND gold_answer IS NOT NULL),"
            + " (SELECT count(*) FROM campaign_slot WHERE campaign_id = ?),"
            + " (SELECT count(*) FROM campaign_slot WHERE campaign_id = ? AND state = 'LABELED'),"
            + " (SELECT count(*) FROM campaign_slot WHERE campaign_id = ? AND state = 'LEASED'"
            + "   AND expires_at > ?),"
            + " (SELECT count(*) FROM (SELECT ordinal FROM campaign_slot WHERE campaign_id = ?"
            + "   GROUP BY ordinal HAVING bool_and(state = 'LABELED')) complete),"
            + " (SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND gold)";
    UUID id = campaign.value();
    Object[] args = {id, id, id, id, id, Timestamp.from(now), id, id};
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return new QueueCounts(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7));
      }
    } catch (SQLException e) {
      throw failure("count the queue", e);
    }
  }

  @Override
  public List<SubmittedLabel> labelsBy(
      LabelerId labeler, Optional<CampaignId> campaign, int limit) {
    if (campaign.isPresent()) {
      return queryLabels(
          "SELECT "
              + LABEL_COLUMNS
              + " FROM campaign_label WHERE labeler_id = ? AND campaign_id = ?"
              + " ORDER BY submitted_at DESC, lease_id LIMIT ?",
          labeler.value(),
          campaign.get().value(),
          limit);
    }
    return queryLabels(
        "SELECT "
            + LABEL_COLUMNS
            + " FROM campaign_label WHERE labeler_id = ? ORDER BY submitted_at DESC, lease_id"
            + " LIMIT ?",
        labeler.value(),
        limit);
  }

  @Override
  public List<SubmittedLabel> labelsOf(CampaignId campaign, int limit) {
    return queryLabels(
        "SELECT "
            + LABEL_COLUMNS
            + " FROM campaign_label WHERE campaign_id = ? ORDER BY submitted_at, lease_id LIMIT ?",
        campaign.value(),
        limit);
  }

  @Override
  public long unsettledLabels(CampaignId campaign) {
    // no settlement exists yet (issue #6): every regular label not rejected is still owed
    return count(
        "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND NOT gold"
            + " AND status <> 'REJECTED'",
        campaign.value());
  }

  // --- helpers ---

  private Optional<Lease> queryLease(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(readLease(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a lease", e);
    }
  }

  private static Lease readLease(ResultSet rs) throws SQLException {
    return new Lease(
        new LeaseId(rs.getObject("lease_id", UUID.class)),
        new CampaignId(rs.getObject("campaign_id", UUID.class)),
        new Item(
            new ItemId(rs.getString("item_id")),
            rs.getString("locator"),
            new ContentHash(rs.getString("content_hash")),
            rs.getLong("byte_offset"),
            rs.getLong("byte_length")),
        new LabelerId(rs.getString("labeler_id")),
        rs.getBoolean("gold"),
        rs.getTimestamp("leased_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        Lease.LeaseState.valueOf(rs.getString("state")));
  }

  private List<SubmittedLabel> queryLabels(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      List<SubmittedLabel> labels = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          labels.add(
              new SubmittedLabel(
                  new LeaseId(rs.getObject("lease_id", UUID.class)),
                  new CampaignId(rs.getObject("campaign_id", UUID.class)),
                  new ItemId(rs.getString("item_id")),
                  new LabelerId(rs.getString("labeler_id")),
                  split(rs.getString("labels")),
                  rs.getBoolean("gold"),
                  rs.getTimestamp("submitted_at").toInstant(),
                  LabelStatus.valueOf(rs.getString("status"))));
        }
      }
      return labels;
    } catch (SQLException e) {
      throw failure("read labels", e);
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
    return new IllegalStateException("the task queue could not " + what + ": " + e.getMessage(), e);
  }
}
