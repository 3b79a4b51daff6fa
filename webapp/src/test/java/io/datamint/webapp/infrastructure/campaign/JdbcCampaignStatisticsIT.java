package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.CampaignFigures.LabelerTally;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dashboard's figures against real PostgreSQL (found like {@link JdbcTaskQueueIT}: {@code
 * DATAMINT_DB_URL}, {@code DATAMINT_DB_USER}, {@code DATAMINT_DB_PASSWORD}) in a schema of its own:
 * labels given through the real task queue, then counted; and a campaign of 100,000 labels, to keep
 * the queries honest about their cost. Also the check of gold item ids against a version.
 */
class JdbcCampaignStatisticsIT {

  private static final LabelSchema PETS = LabelSchema.single("cat", "dog");
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static TestSchema schema;
  private static PGSimpleDataSource base;

  @BeforeAll
  static void migrate() {
    schema = TestSchema.migrated("statistics_it");
    base = schema.dataSource();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    schema.drop();
  }

  @Test
  void countsLabelsPerItemAgreementClassesFatesGoldAndLabelers() {
    UUID version = seedVersion(5);
    CampaignId campaign = insertCampaign(version, 3);
    JdbcTaskQueue queue = new JdbcTaskQueue(base);
    ItemId gold = itemIdOf(version, 4);
    queue.create(campaign, version, 3, Map.of(gold, List.of("cat")));
    // l1 labels items 0, 1, 2; l2 and l3 items 0 and 1 (the queue hands items out in order)
    label(queue, campaign, "l1", "cat", "cat", "dog");
    label(queue, campaign, "l2", "cat", "dog");
    label(queue, campaign, "l3", "cat", "cat");
    Instant now = Instant.now();
    Lease goldLease = queue.leaseGold(campaign, new LabelerId("l1"), now, LEASE).orElseThrow();
    queue.recordLabel(queue.lockLease(goldLease.id()).orElseThrow(), List.of("cat"), true, now);
    // verdicts as validation writes them: status with its quality, round and time
    sql(
        "UPDATE campaign_label SET status = 'ACCEPTED', quality = 0.95, decided_round = 1,"
            + " decided_at = now() WHERE labeler_id = 'l1' AND NOT gold");
    sql(
        "UPDATE campaign_label SET status = 'REJECTED', quality = 0.05, decided_round = 1,"
            + " decided_at = now() WHERE labeler_id = 'l2' AND labels = 'dog'");

    CampaignFigures f = new JdbcCampaignStatistics(base).figures(campaign, PETS, 3, 2);

    assertThat(f.itemsByLabelCount())
        .as("items with 0, 1, 2, 3 labels")
        .containsExactly(1L, 1L, 0L, 2L);
    assertThat(f.completeItems()).isEqualTo(2);
    assertThat(f.agreeingItems()).as("item 0: cat, cat, cat").isEqualTo(1);
    assertThat(f.agreement()).hasValue(0.5);
    assertThat(f.itemsByMajority()).as("item 1: 2 of 3 say cat").containsExactly(0L, 0L, 1L, 1L);
    assertThat(f.labelCounts()).containsExactly(Map.entry("cat", 5L), Map.entry("dog", 2L));
    assertThat(f.accepted()).isEqualTo(3);
    assertThat(f.rejected()).isEqualTo(1);
    assertThat(f.pending()).isEqualTo(3);
    assertThat(f.goldAnswers()).isEqualTo(1);
    assertThat(f.goldCorrect()).isEqualTo(1);
    assertThat(f.labelers()).isEqualTo(3);
    assertThat(f.topLabelers())
        .containsExactly(
            new LabelerTally(new LabelerId("l1"), 3, 3, 0),
            new LabelerTally(new LabelerId("l2"), 2, 0, 1));
  }

  @Test
  void aCampaignWithoutLabelsHasEveryItemAtZeroAndEveryLabelAtZero() {
    UUID version = seedVersion(3);
    CampaignId campaign = insertCampaign(version, 2);
    new JdbcTaskQueue(base).create(campaign, version, 2, Map.of());

    CampaignFigures f = new JdbcCampaignStatistics(base).figures(campaign, PETS, 2, 10);

    assertThat(f.itemsByLabelCount()).containsExactly(3L, 0L, 0L);
    assertThat(f.labelCounts()).containsExactly(Map.entry("cat", 0L), Map.entry("dog", 0L));
    assertThat(f.agreement()).isEmpty();
    assertThat(f.labelers()).isZero();
    assertThat(f.topLabelers()).isEmpty();
  }

  @Test
  void multiLabelAnswersCountOnceForEachLabelTheyName() {
    UUID version = seedVersion(1);
    CampaignId campaign = insertCampaign(version, 2);
    JdbcTaskQueue queue = new JdbcTaskQueue(base);
    queue.create(campaign, version, 2, Map.of());
    Instant now = Instant.now();
    for (String labeler : List.of("a", "b")) {
      Lease lease = queue.leaseRegular(campaign, new LabelerId(labeler), now, LEASE).orElseThrow();
      queue.recordLabel(
          queue.lockLease(lease.id()).orElseThrow(), List.of("cat", "dog"), null, now);
    }

    CampaignFigures f =
        new JdbcCampaignStatistics(base).figures(campaign, LabelSchema.multi("cat", "dog"), 2, 10);

    assertThat(f.labelCounts()).containsExactly(Map.entry("cat", 2L), Map.entry("dog", 2L));
    assertThat(f.agreeingItems()).as("the same set of labels agrees").isEqualTo(1);
  }

  @Test
  void aHundredThousandLabelsAreCountedByAggregatesNotPerLabel() {
    int items = 20_000;
    int k = 5;
    UUID version = seedVersion(0);
    sql(
        "INSERT INTO dataset_item (version_id, ordinal, item_id, locator, content_hash,"
            + " byte_offset, byte_length) SELECT ?, n, substr(replace(?::text, '-', ''), 1, 16)"
            + " || '-' || lpad(n::text, 6, '0'), 'line ' || n, repeat('a', 64), -1, 10"
            + " FROM generate_series(0, ? - 1) n",
        version,
        version.toString(),
        items);
    CampaignId campaign = insertCampaign(version, k);
    new JdbcTaskQueue(base).create(campaign, version, k, Map.of());
    // leases and labels written directly: k labelers per item, one in ten answers "dog"
    sql(
        "INSERT INTO campaign_lease (lease_id, campaign_id, ordinal, slot, labeler_id, gold, state,"
            + " leased_at, expires_at) SELECT gen_random_uuid(), ?, i, s, 'labeler-' || ((i + s)"
            + " % 200), false, 'LABELED', now(), now() FROM generate_series(0, ? - 1) i,"
            + " generate_series(1, ?) s",
        campaign.value(), items, k);
    sql(
        "INSERT INTO campaign_label (lease_id, campaign_id, ordinal, item_id, labeler_id, labels,"
            + " gold, status, quality, decided_round, decided_at, submitted_at)"
            + " SELECT l.lease_id, l.campaign_id, l.ordinal, i.item_id,"
            + " l.labeler_id, CASE WHEN (l.ordinal + l.slot) % 10 = 0 THEN 'dog' ELSE 'cat' END,"
            + " false, CASE WHEN l.slot = 1 THEN 'ACCEPTED' ELSE 'PENDING' END,"
            + " CASE WHEN l.slot = 1 THEN 0.95 END, CASE WHEN l.slot = 1 THEN 1 END,"
            + " CASE WHEN l.slot = 1 THEN now() END, now()"
            + " FROM campaign_lease l JOIN campaign_item i ON i.campaign_id = l.campaign_id"
            + " AND i.ordinal = l.ordinal WHERE l.campaign_id = ?",
        campaign.value());
    sql("ANALYZE campaign_label");
    JdbcCampaignStatistics statistics = new JdbcCampaignStatistics(base);
    statistics.figures(campaign, PETS, k, 10); // warm up

    long started = System.nanoTime();
    CampaignFigures f = statistics.figures(campaign, PETS, k, 10);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("figures of 100,000 labels in " + millis + " ms");

    assertThat(f.regularLabels()).isEqualTo(100_000);
    assertThat(f.completeItems()).isEqualTo(items);
    assertThat(f.accepted()).isEqualTo(items);
    assertThat(f.labelCounts().get("dog")).isEqualTo(10_000);
    assertThat(f.labelers()).isEqualTo(200);
    assertThat(f.topLabelers()).hasSize(10);
    // the time is printed for docs/benchmarks.md, not asserted: speed is measured, not tested
  }

  @Test
  void goldItemIdsNotInTheVersionAreReportedInTheOrderAsked() {
    UUID version = seedVersion(3);
    ItemId known = itemIdOf(version, 1);
    ItemId unknown = new ItemId("ffffffffffffffff-000009");
    ItemId other = itemIdOf(seedVersion(1), 0);

    Set<ItemId> missing =
        new JdbcVersionItems(base).missing(version, List.of(unknown, known, other));

    assertThat(missing).containsExactly(unknown, other);
    assertThat(new JdbcVersionItems(base).missing(version, List.of())).isEmpty();
  }

  // --- seeding, as JdbcTaskQueueIT does ---

  private static void label(
      JdbcTaskQueue queue, CampaignId campaign, String labeler, String... answers) {
    for (String answer : answers) {
      Instant now = Instant.now();
      Lease lease = queue.leaseRegular(campaign, new LabelerId(labeler), now, LEASE).orElseThrow();
      queue.recordLabel(queue.lockLease(lease.id()).orElseThrow(), List.of(answer), null, now);
    }
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

  private static CampaignId insertCampaign(UUID version, int k) {
    UUID id = UUID.randomUUID();
    sql(
        "INSERT INTO campaign (id, owner_id, dataset_id, version_number, version_id, title,"
            + " label_mode, labels, instructions, labels_per_item, gold_items, gold_every,"
            + " reward_units, budget_units, quality_threshold, deadline, lease_seconds, item_count,"
            + " state, created_at, updated_at) SELECT ?, 'owner', v.dataset_id, 1, v.id, 't',"
            + " 'SINGLE', 'cat\ndog', 'i', ?, 0, 0, 1, 100, 0.5, now() + interval '1 day', 600, 1,"
            + " 'DRAFT', now(), now() FROM dataset_version v WHERE v.id = ?",
        id,
        k,
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
