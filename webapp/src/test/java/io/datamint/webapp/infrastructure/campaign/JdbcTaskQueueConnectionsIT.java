package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.TestSchema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The task queue never opens a second connection while one is open. In the container a handle
 * opened while another of the same transaction is still open takes a second pooled connection; the
 * labeling load test (200 labelers, a pool of 20) deadlocked the pool that way, every connection
 * held by a lease waiting for its second one. Here the data source refuses a second open handle, on
 * real PostgreSQL (found like {@link JdbcTaskQueueIT}, in a schema of its own).
 */
class JdbcTaskQueueConnectionsIT {

  private static final Duration LEASE = Duration.ofMinutes(10);
  private static TestSchema schema;
  private static PGSimpleDataSource base;

  @BeforeAll
  static void migrate() {
    schema = TestSchema.migrated("taskqueue_conn_it");
    base = schema.dataSource();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    schema.drop();
  }

  @Test
  void leasingLabelingAndSkippingEachHoldOneConnectionAtATime() {
    UUID version = seedVersion(4);
    CampaignId campaign = insertCampaign(version);
    ItemId gold = itemIdOf(version, 3);
    tx(q -> q.create(campaign, version, 2, Map.of(gold, List.of("cat"))));
    LabelerId labeler = new LabelerId("one-connection");
    Instant now = Instant.now();

    Lease regular =
        tx(
            q -> {
              q.lockLabeler(campaign, labeler);
              return q.liveLease(campaign, labeler, now)
                  .or(() -> q.leaseRegular(campaign, labeler, now, LEASE))
                  .orElseThrow();
            });
    tx(q -> q.recordLabel(q.lockLease(regular.id()).orElseThrow(), List.of("dog"), null, now));
    Lease goldLease = tx(q -> q.leaseGold(campaign, labeler, now, LEASE)).orElseThrow();
    tx(q -> q.recordLabel(q.lockLease(goldLease.id()).orElseThrow(), List.of("cat"), true, now));
    Lease skipped = tx(q -> q.leaseRegular(campaign, labeler, now, LEASE)).orElseThrow();
    tx(
        q -> {
          q.recordSkip(q.lockLease(skipped.id()).orElseThrow(), now);
          return null;
        });

    assertThat(goldLease.item().id()).isEqualTo(gold);
    long labeled = tx(q -> q.counts(campaign, now)).labeled();
    List<SubmittedLabel> labels = tx(q -> q.labelsBy(labeler, Optional.of(campaign), 10));
    assertThat(labeled).isEqualTo(1);
    assertThat(labels).hasSize(2);
  }

  // --- fixtures (as in JdbcTaskQueueIT) ---

  /** One transaction on one connection; a second handle opened while one is open fails. */
  private static <T> T tx(Function<JdbcTaskQueue, T> work) {
    try (Connection c = base.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(new JdbcTaskQueue(oneHandleAtATime(c)));
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DataSource oneHandleAtATime(Connection c) {
    AtomicInteger open = new AtomicInteger();
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcTaskQueueConnectionsIT.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              if (open.getAndIncrement() > 0) {
                open.decrementAndGet();
                throw new SQLException("a second connection while one is still open");
              }
              return handle(c, open);
            });
  }

  private static Connection handle(Connection c, AtomicInteger open) {
    boolean[] closed = {false};
    return (Connection)
        Proxy.newProxyInstance(
            JdbcTaskQueueConnectionsIT.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                if (!closed[0]) {
                  closed[0] = true;
                  open.decrementAndGet();
                }
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static ItemId itemIdOf(UUID version, int ordinal) {
    String hex = version.toString().replace("-", "").substring(0, 16);
    return new ItemId(hex + "-" + String.format("%06d", ordinal));
  }

  private static UUID seedVersion(int itemCount) {
    UUID dataset = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    sql(
        "INSERT INTO dataset (id, owner_id, title, description, license, state, created_at,"
            + " updated_at) VALUES (?, 'owner', 't', 'd', 'CC0-1.0', 'INSPECTING', now(), now())",
        dataset);
    sql(
        "INSERT INTO dataset_version (id, dataset_id, number, state, file_name, created_at,"
            + " updated_at) VALUES (?, ?, 1, 'INSPECTING', 'f.csv', now(), now())",
        version,
        dataset);
    for (int i = 0; i < itemCount; i++) {
      sql(
          "INSERT INTO dataset_item (version_id, ordinal, item_id, locator, content_hash,"
              + " byte_offset, byte_length) VALUES (?, ?, ?, ?, ?, -1, 10)",
          version,
          (long) i,
          itemIdOf(version, i).value(),
          "line " + (i + 2),
          "a".repeat(64));
    }
    return version;
  }

  private static CampaignId insertCampaign(UUID version) {
    UUID id = UUID.randomUUID();
    sql(
        "INSERT INTO campaign (id, owner_id, dataset_id, version_number, version_id, title,"
            + " label_mode, labels, instructions, labels_per_item, gold_items, gold_every,"
            + " reward_units, budget_units, quality_threshold, deadline, lease_seconds, item_count,"
            + " state, created_at, updated_at) SELECT ?, 'owner', v.dataset_id, 1, v.id, 't',"
            + " 'SINGLE', 'cat\ndog', 'i', 2, 1, 2, 1, 100, 0.5, now() + interval '1 day', 600, 4,"
            + " 'DRAFT', now(), now() FROM dataset_version v WHERE v.id = ?",
        id,
        version);
    return new CampaignId(id);
  }

  private static void sql(String statement, Object... args) {
    try (Connection c = base.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
