package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.TestSchema;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The task queue against real PostgreSQL (the stack's, found through {@code DATAMINT_DB_URL},
 * {@code DATAMINT_DB_USER}, {@code DATAMINT_DB_PASSWORD}), in a schema of its own that the
 * migrations create and the suite drops. Each call runs in a transaction of its own, as the
 * container runs it: the connection is bound to the calling thread until commit.
 */
class JdbcTaskQueueIT {

  private static final Duration LEASE = Duration.ofMinutes(10);
  private static TestSchema schema;
  private static PGSimpleDataSource base;

  private CampaignId campaign;
  private List<ItemId> items;

  @BeforeAll
  static void migrate() {
    schema = TestSchema.migrated("taskqueue_it");
    base = schema.dataSource();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    schema.drop();
  }

  @BeforeEach
  void aCampaignOfTwentyItems() throws SQLException {
    campaign = seedCampaign(20, 3);
  }

  // --- the heart: concurrency ---

  @Test
  void concurrentLabelersNeverShareASlotAndEveryItemGetsKDistinctLabelers() throws Exception {
    int labelers = 12;
    Map<ItemId, List<LabelerId>> labelsPerItem = new ConcurrentHashMap<>();
    AtomicInteger leases = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(labelers);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < labelers; i++) {
      LabelerId labeler = new LabelerId("labeler-" + i);
      done.add(
          pool.submit(
              () -> {
                start.await();
                while (true) {
                  Instant now = Instant.now();
                  Optional<Lease> lease =
                      tx(
                          q -> {
                            q.lockLabeler(campaign, labeler);
                            return q.liveLease(campaign, labeler, now)
                                .or(() -> q.leaseRegular(campaign, labeler, now, LEASE));
                          });
                  if (lease.isEmpty()) {
                    return null;
                  }
                  leases.incrementAndGet();
                  tx(
                      q -> {
                        Lease locked = q.lockLease(lease.get().id()).orElseThrow();
                        return q.recordLabel(locked, List.of("cat"), null, Instant.now());
                      });
                  labelsPerItem
                      .computeIfAbsent(
                          lease.get().item().id(),
                          k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                      .add(labeler);
                }
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(leases.get()).as("one lease per slot, none handed out twice").isEqualTo(60);
    assertThat(labelsPerItem).hasSize(20);
    labelsPerItem.forEach(
        (item, by) -> {
          assertThat(by).as("labels of " + item).hasSize(3);
          assertThat(new HashSet<>(by)).as("distinct labelers of " + item).hasSize(3);
        });
    QueueCounts counts = tx(q -> q.counts(campaign, Instant.now()));
    assertThat(counts.labeled()).isEqualTo(60);
    assertThat(counts.completeItems()).isEqualTo(20);
    assertThat(counts.remaining()).isZero();
    assertThat(rows("SELECT count(*) FROM campaign_label WHERE campaign_id = ?")).isEqualTo(60);
  }

  @Test
  void oneLabelersConcurrentRequestsShareOneLiveLease() throws Exception {
    LabelerId labeler = new LabelerId("eager");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Lease>> requests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      requests.add(
          pool.submit(
              () -> {
                start.await();
                Instant now = Instant.now();
                return tx(q -> {
                      q.lockLabeler(campaign, labeler);
                      return q.liveLease(campaign, labeler, now)
                          .or(() -> q.leaseRegular(campaign, labeler, now, LEASE));
                    })
                    .orElseThrow();
              }));
    }
    start.countDown();
    Set<Object> leaseIds = new HashSet<>();
    for (Future<Lease> f : requests) {
      leaseIds.add(f.get(30, TimeUnit.SECONDS).id());
    }
    pool.shutdown();

    assertThat(leaseIds).hasSize(1);
    assertThat(rows("SELECT count(*) FROM campaign_lease WHERE campaign_id = ?")).isEqualTo(1);
  }

  // --- the rules, one at a time ---

  @Test
  void aLabelerNeverGetsTheSameItemTwiceEvenAfterSkippingIt() {
    CampaignId small = seedCampaign(2, 3);
    LabelerId labeler = new LabelerId("picky");
    Instant now = Instant.now();
    Lease first = tx(q -> q.leaseRegular(small, labeler, now, LEASE)).orElseThrow();
    tx(q -> voidly(() -> q.recordSkip(q.lockLease(first.id()).orElseThrow(), now)));
    Lease second = tx(q -> q.leaseRegular(small, labeler, now, LEASE)).orElseThrow();
    tx(q -> q.recordLabel(q.lockLease(second.id()).orElseThrow(), List.of("dog"), null, now));

    assertThat(second.item().id()).isNotEqualTo(first.item().id());
    assertThat(JdbcTaskQueueIT.<Optional<Lease>>tx(q -> q.leaseRegular(small, labeler, now, LEASE)))
        .as("both items were held once")
        .isEmpty();
    assertThat(
            JdbcTaskQueueIT.<Optional<Lease>>tx(
                q -> q.leaseRegular(small, new LabelerId("other"), now, LEASE)))
        .as("the skipped slot went back to the queue")
        .hasValueSatisfying(l -> assertThat(l.item().id()).isEqualTo(first.item().id()));
  }

  @Test
  void anExpiredLeaseReturnsItsSlotToOthersAndCanNoLongerBeLabeled() {
    CampaignId single = seedCampaign(1, 1);
    Instant now = Instant.now();
    Lease slow =
        tx(q -> q.leaseRegular(single, new LabelerId("slow"), now, Duration.ofSeconds(5)))
            .orElseThrow();
    assertThat(
            JdbcTaskQueueIT.<Optional<Lease>>tx(
                q -> q.leaseRegular(single, new LabelerId("fast"), now, LEASE)))
        .as("held while the lease lasts")
        .isEmpty();

    Instant later = now.plusSeconds(6);
    Lease fast = tx(q -> q.leaseRegular(single, new LabelerId("fast"), later, LEASE)).orElseThrow();

    assertThat(fast.item().id()).isEqualTo(slow.item().id());
    assertThat(
            JdbcTaskQueueIT.<Optional<Lease>>tx(
                q -> q.liveLease(single, new LabelerId("slow"), later)))
        .isEmpty();
    assertThatThrownBy(
            () ->
                tx(
                    q ->
                        q.recordLabel(
                            q.lockLease(slow.id()).orElseThrow(), List.of("cat"), null, later)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("given to someone else");
  }

  @Test
  void goldItemsHaveNoSlotsAndAreLeasedOncePerLabeler() {
    UUID version = seedVersion(5);
    CampaignId withGold = insertCampaign(version);
    ItemId gold = itemIdOf(version, 0);
    long queued = tx(q -> q.create(withGold, version, 2, Map.of(gold, List.of("cat"))));
    LabelerId labeler = new LabelerId("checked");
    Instant now = Instant.now();

    Lease lease = tx(q -> q.leaseGold(withGold, labeler, now, LEASE)).orElseThrow();
    SubmittedLabel label =
        tx(q -> q.recordLabel(q.lockLease(lease.id()).orElseThrow(), List.of("dog"), false, now));

    assertThat(queued).isEqualTo(5);
    assertThat(lease.gold()).isTrue();
    assertThat(lease.item().id()).isEqualTo(gold);
    assertThat(label.gold()).isTrue();
    assertThat(JdbcTaskQueueIT.<Optional<List<String>>>tx(q -> q.goldAnswer(withGold, gold)))
        .contains(List.of("cat"));
    assertThat(JdbcTaskQueueIT.<Optional<Lease>>tx(q -> q.leaseGold(withGold, labeler, now, LEASE)))
        .isEmpty();
    QueueCounts counts = tx(q -> q.counts(withGold, now));
    assertThat(counts.slots()).as("k slots for the 4 regular items only").isEqualTo(8);
    assertThat(counts.goldItems()).isEqualTo(1);
    assertThat(counts.goldLabels()).isEqualTo(1);
    assertThat(JdbcTaskQueueIT.<Long>tx(q -> q.answeredBy(withGold, labeler))).isEqualTo(1);
    assertThat(JdbcTaskQueueIT.<Long>tx(q -> q.unsettledLabels(withGold)))
        .as("gold answers are not paid")
        .isZero();
  }

  @Test
  void aGoldItemThatIsNotAnItemOfTheVersionIsRefused() {
    UUID version = seedVersion(3);
    CampaignId bad = insertCampaign(version);
    ItemId stranger = new ItemId("0123456789abcdef-000099");

    assertThatThrownBy(() -> tx(q -> q.create(bad, version, 2, Map.of(stranger, List.of("cat")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an item of the dataset version");
  }

  @Test
  void aLabelIsOnePerLeaseAndTheLabelersListShowsIt() {
    LabelerId labeler = new LabelerId("lister");
    Instant now = Instant.now();
    Lease lease = tx(q -> q.leaseRegular(campaign, labeler, now, LEASE)).orElseThrow();
    tx(q -> q.recordLabel(q.lockLease(lease.id()).orElseThrow(), List.of("cat"), null, now));

    assertThatThrownBy(
            () ->
                tx(
                    q ->
                        q.recordLabel(
                            q.lockLease(lease.id()).orElseThrow(), List.of("cat"), null, now)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(JdbcTaskQueueIT.<Optional<SubmittedLabel>>tx(q -> q.labelOf(lease.id())))
        .hasValueSatisfying(l -> assertThat(l.labels()).containsExactly("cat"));
    assertThat(
            JdbcTaskQueueIT.<List<SubmittedLabel>>tx(
                q -> q.labelsBy(labeler, Optional.of(campaign), 10)))
        .hasSize(1);
    assertThat(
            JdbcTaskQueueIT.<List<SubmittedLabel>>tx(
                q -> q.labelsBy(labeler, Optional.empty(), 10)))
        .hasSize(1);
    assertThat(tx(q -> q.lockLease(lease.id())).orElseThrow().state())
        .isEqualTo(Lease.LeaseState.LABELED);
  }

  // --- fixtures ---

  private CampaignId seedCampaign(int itemCount, int k) {
    UUID version = seedVersion(itemCount);
    CampaignId id = insertCampaign(version);
    long queued = tx(q -> q.create(id, version, k, Map.of()));
    assertThat(queued).isEqualTo(itemCount);
    items = new ArrayList<>();
    for (int i = 0; i < itemCount; i++) {
      items.add(itemIdOf(version, i));
    }
    return id;
  }

  private static ItemId itemIdOf(UUID version, int ordinal) {
    String hex = version.toString().replace("-", "").substring(0, 16);
    return new ItemId(hex + "-" + String.format("%06d", ordinal));
  }

  private UUID seedVersion(int itemCount) {
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

  private CampaignId insertCampaign(UUID version) {
    UUID id = UUID.randomUUID();
    sql(
        "INSERT INTO campaign (id, owner_id, dataset_id, version_number, version_id, title,"
            + " label_mode, labels, instructions, labels_per_item, gold_items, gold_every,"
            + " reward_units, budget_units, quality_threshold, deadline, lease_seconds, item_count,"
            + " state, created_at, updated_at) SELECT ?, 'owner', v.dataset_id, 1, v.id, 't',"
            + " 'SINGLE', 'cat\ndog', 'i', 3, 0, 0, 1, 100, 0.5, now() + interval '1 day', 600, 1,"
            + " 'DRAFT', now(), now() FROM dataset_version v WHERE v.id = ?",
        id,
        version);
    return new CampaignId(id);
  }

  /** Runs {@code work} in one transaction on one connection, as the container would. */
  private static <T> T tx(Function<JdbcTaskQueue, T> work) {
    try (Connection c = base.getConnection()) {
      c.setAutoCommit(false);
      DataSource bound = boundTo(c);
      try {
        T result = work.apply(new JdbcTaskQueue(bound));
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

  private static <T> T voidly(Runnable action) {
    action.run();
    return null;
  }

  /** A data source whose connections are {@code c}, closing it being left to the owner. */
  private static DataSource boundTo(Connection c) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                JdbcTaskQueueIT.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : method.invoke(c, args));
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcTaskQueueIT.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return unclosable;
              }
              throw new UnsupportedOperationException(method.getName());
            });
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

  private long rows(String query) {
    try (Connection c = base.getConnection();
        PreparedStatement s = c.prepareStatement(query)) {
      s.setObject(1, campaign.value());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
