package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LabelerStanding;
import io.datamint.domain.model.campaign.Lease;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.domain.model.campaign.QualificationRule;
import io.datamint.domain.model.campaign.RoundState;
import io.datamint.domain.model.campaign.StandingState;
import io.datamint.domain.model.campaign.SubmittedLabel;
import io.datamint.domain.model.campaign.ValidationCounts;
import io.datamint.domain.model.campaign.ValidationRound;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.webapp.infrastructure.persistence.TestSchema;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The validation rounds and standings adapters against real PostgreSQL (found like {@link
 * JdbcTaskQueueIT}'s, in a schema of their own): what the database itself keeps — one round in
 * flight per campaign, a decided label is final, a block is final — and the reads the use cases
 * rely on.
 */
class JdbcValidationRoundsIT {

  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static TestSchema schema;
  private static PGSimpleDataSource base;

  @BeforeAll
  static void migrate() {
    schema = TestSchema.migrated("rounds_it");
    base = schema.dataSource();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    schema.drop();
  }

  @Test
  void aDecidedLabelIsNeverChangedAgain() {
    CampaignId campaign = openCampaign(2, 1);
    SubmittedLabel label = labelNext(campaign, "l1", "cat");
    ValidationRound round = round(campaign, 1, List.of(label.lease()));

    assertThat(JdbcValidationRoundsIT.<List<SubmittedLabel>>tx(r -> r.pendingOf(campaign, 1)))
        .containsExactly(label);
    assertThat(
            JdbcValidationRoundsIT.<Boolean>tx(
                r -> r.decide(label.lease(), LabelStatus.ACCEPTED, 0.93, 1, NOW)))
        .isTrue();
    assertThat(
            JdbcValidationRoundsIT.<Boolean>tx(
                r -> r.decide(label.lease(), LabelStatus.REJECTED, 0.1, 2, NOW)))
        .as("a second decision changes nothing")
        .isFalse();
    assertThatThrownBy(
            () ->
                sql(
                    "UPDATE campaign_label SET status = 'REJECTED' WHERE lease_id = ?",
                    label.lease().value()))
        .as("not even a direct write")
        .hasMessageContaining("a decided label is final");
    assertThat(
            JdbcValidationRoundsIT.<List<SubmittedLabel>>tx(
                r -> r.pendingOf(campaign, round.number())))
        .isEmpty();
    assertThat(
            JdbcValidationRoundsIT.<List<io.datamint.domain.model.campaign.ScoredLabel>>tx(
                r -> r.scoredLabelsBy(new LabelerId("l1"), Optional.of(campaign), 10)))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.label().status()).isEqualTo(LabelStatus.ACCEPTED);
              assertThat(s.quality().getAsDouble()).isEqualTo(0.93);
            });
  }

  @Test
  void aCampaignHasOneRoundInFlightAtATime() {
    CampaignId campaign = openCampaign(2, 1);
    SubmittedLabel label = labelNext(campaign, "l1", "cat");
    ValidationRound first = round(campaign, 1, List.of(label.lease()));

    assertThatThrownBy(() -> round(campaign, 2, List.of(label.lease())))
        .hasMessageContaining("campaign_validation_round_in_flight_idx");
    tx(
        r -> {
          ValidationRound locked = r.lockRound(campaign, 1).orElseThrow();
          locked.failed("boom", NOW);
          r.store(locked);
          return null;
        });
    ValidationRound second = round(campaign, 2, List.of(label.lease()));

    assertThat(JdbcValidationRoundsIT.<Optional<ValidationRound>>tx(r -> r.latestRound(campaign)))
        .hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(2));
    assertThat(JdbcValidationRoundsIT.<Integer>tx(r -> r.failedInARow(campaign))).isEqualTo(1);
    assertThat(JdbcValidationRoundsIT.<List<ValidationRound>>tx(r -> r.inFlight(100)))
        .extracting(ValidationRound::campaign, ValidationRound::number)
        .contains(org.assertj.core.groups.Tuple.tuple(campaign, second.number()))
        .doesNotContain(org.assertj.core.groups.Tuple.tuple(campaign, first.number()));
  }

  @Test
  void onlyCampaignsWithAPendingLabelOnACompleteItemAreOfferedForARound() {
    CampaignId campaign = openCampaign(2, 2);
    SubmittedLabel first = labelNext(campaign, "l1", "cat");
    assertThat(
            JdbcValidationRoundsIT.<List<CampaignId>>tx(r -> r.campaignsWithDecidableLabels(1000)))
        .doesNotContain(campaign);
    SubmittedLabel second = labelNext(campaign, "l2", "dog");

    assertThat(first.item()).isEqualTo(second.item());
    assertThat(JdbcValidationRoundsIT.<java.util.Set<ItemId>>tx(r -> r.completeItems(campaign)))
        .containsExactly(first.item());
    assertThat(
            JdbcValidationRoundsIT.<List<CampaignId>>tx(r -> r.campaignsWithDecidableLabels(1000)))
        .contains(campaign);
    round(campaign, 1, List.of(first.lease(), second.lease()));
    assertThat(
            JdbcValidationRoundsIT.<List<CampaignId>>tx(r -> r.campaignsWithDecidableLabels(1000)))
        .as("not while a round is in flight")
        .doesNotContain(campaign);
    assertThat(JdbcValidationRoundsIT.<List<SubmittedLabel>>tx(r -> r.labelsOf(campaign)))
        .as("same time: in lease order")
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void consensusCountsAndOutcomesAddUp() {
    CampaignId campaign = openCampaign(2, 1);
    SubmittedLabel a = labelNext(campaign, "l1", "cat");
    SubmittedLabel b = labelNext(campaign, "l2", "dog");
    round(campaign, 1, List.of(a.lease(), b.lease()));
    tx(
        r -> {
          r.decide(a.lease(), LabelStatus.ACCEPTED, 0.9, 1, NOW);
          r.decide(b.lease(), LabelStatus.REJECTED, 0.2, 1, NOW);
          r.recordConsensus(campaign, a.item(), List.of("cat"), 0.95, 1);
          r.recordConsensus(campaign, b.item(), List.of("cat"), 0.8, 1);
          r.recordConsensus(campaign, b.item(), List.of("dog"), 0.7, 0);
          ValidationRound locked = r.lockRound(campaign, 1).orElseThrow();
          locked.applied(1, 1, 0, 0, NOW);
          r.store(locked);
          return null;
        });

    ValidationCounts counts = tx(r -> r.counts(campaign));
    assertThat(counts.accepted()).isEqualTo(1);
    assertThat(counts.rejected()).isEqualTo(1);
    assertThat(counts.pending()).isZero();
    assertThat(counts.paidAccepted()).isEqualTo(1);
    assertThat(counts.itemsWithConsensus()).isEqualTo(2);
    assertThat(counts.latest())
        .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(RoundState.APPLIED));
    assertThat(
            JdbcValidationRoundsIT.<List<io.datamint.domain.model.campaign.ItemOutcome>>tx(
                r -> r.outcomes(campaign, 0, 10)))
        .satisfiesExactly(
            o -> {
              assertThat(o.consensus()).containsExactly("cat");
              assertThat(o.accepted()).isEqualTo(1);
              assertThat(o.complete()).isTrue();
            },
            o -> {
              assertThat(o.consensus())
                  .as("an older round never overwrites")
                  .containsExactly("cat");
              assertThat(o.confidence().getAsDouble()).isEqualTo(0.8);
              assertThat(o.rejected()).isEqualTo(1);
            });
    assertThat(
            JdbcValidationRoundsIT
                .<io.datamint.domain.model.campaign.ValidationRounds.LabelTally>tx(
                    r -> r.tally(campaign, new LabelerId("l2")))
                .rejected())
        .isEqualTo(1);
  }

  @Test
  void aStandingIsCreatedOnceAndABlockIsFinal() {
    CampaignId campaign = openCampaign(1, 1);
    LabelerId labeler = new LabelerId("l1");
    QualificationRule rule = new QualificationRule(2, 0.5);

    LabelerStanding first = standings(s -> s.lock(campaign, labeler, rule, NOW));
    LabelerStanding again = standings(s -> s.lock(campaign, labeler, rule, NOW));
    assertThat(first.state()).isEqualTo(StandingState.QUALIFYING);
    assertThat(again.state()).isEqualTo(StandingState.QUALIFYING);
    standings(
        s -> {
          LabelerStanding locked = s.lock(campaign, labeler, rule, NOW);
          locked.answeredQualification(false, rule, NOW);
          locked.answeredQualification(false, rule, NOW);
          locked.rated(0.3, 12, NOW);
          s.store(locked);
          return null;
        });

    LabelerStanding blocked = standings(s -> s.find(campaign, labeler)).orElseThrow();
    assertThat(blocked.state()).isEqualTo(StandingState.BLOCKED);
    assertThat(blocked.blockReason())
        .hasValue("qualification failed: 0 of 2 gold answers right, 1 needed");
    assertThat(blocked.reliability().getAsDouble()).isEqualTo(0.3);
    assertThat(JdbcValidationRoundsIT.<List<LabelerStanding>>standings(s -> s.of(campaign)))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                sql(
                    "UPDATE campaign_labeler SET standing = 'QUALIFIED', block_reason = NULL,"
                        + " blocked_at = NULL WHERE campaign_id = ?",
                    campaign.value()))
        .hasMessageContaining("a block is final");
  }

  // --- fixtures ---

  /** An OPEN campaign over a new version with {@code items} items and k slots each. */
  private static CampaignId openCampaign(int items, int k) {
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
    String hex = version.toString().replace("-", "").substring(0, 16);
    for (int i = 0; i < items; i++) {
      sql(
          "INSERT INTO dataset_item (version_id, ordinal, item_id, locator, content_hash,"
              + " byte_offset, byte_length) VALUES (?, ?, ?, ?, ?, -1, 10)",
          version,
          (long) i,
          new ItemId(hex + "-" + String.format("%06d", i)).value(),
          "line " + (i + 2),
          "a".repeat(64));
    }
    UUID id = UUID.randomUUID();
    sql(
        "INSERT INTO campaign (id, owner_id, dataset_id, version_number, version_id, title,"
            + " label_mode, labels, instructions, labels_per_item, gold_items, gold_every,"
            + " reward_units, budget_units, quality_threshold, deadline, lease_seconds, item_count,"
            + " state, funding_transaction, created_at, updated_at) SELECT ?, 'owner',"
            + " v.dataset_id, 1, v.id, 't', 'SINGLE', 'cat\ndog', 'i', ?, 0, 0, 1, 100, 0.5,"
            + " now() + interval '1 day', 600, ?, 'OPEN', '0x' || repeat('1', 64), now(), now()"
            + " FROM dataset_version v WHERE v.id = ?",
        id,
        k,
        (long) items,
        version);
    CampaignId campaign = new CampaignId(id);
    queue(q -> q.create(campaign, version, k, Map.of()));
    return campaign;
  }

  private static SubmittedLabel labelNext(CampaignId campaign, String labeler, String answer) {
    return queue(
        q -> {
          Lease lease = q.leaseRegular(campaign, new LabelerId(labeler), NOW, LEASE).orElseThrow();
          return q.recordLabel(lease, List.of(answer), null, NOW);
        });
  }

  private static ValidationRound round(CampaignId campaign, int number, List<LeaseId> decides) {
    return tx(
        r -> {
          ValidationRound round =
              ValidationRound.started(
                  campaign, number, job("campaign/" + campaign + "/round/" + number), 1, 1, NOW);
          r.add(round, decides);
          return round;
        });
  }

  /** A queued validation job (the queue's own table), for the round's foreign key. */
  private static ValidationJobId job(String key) {
    try (Connection c = base.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO validation_job (job_key, payload) VALUES (?, '{}'::jsonb)"
                    + " ON CONFLICT (job_key) DO UPDATE SET job_key = excluded.job_key"
                    + " RETURNING id")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return ValidationJobId.of(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T tx(Function<JdbcValidationRounds, T> work) {
    return inTransaction(d -> work.apply(new JdbcValidationRounds(d)));
  }

  private static <T> T queue(Function<JdbcTaskQueue, T> work) {
    return inTransaction(d -> work.apply(new JdbcTaskQueue(d)));
  }

  private static <T> T standings(Function<JdbcLabelerStandings, T> work) {
    return inTransaction(d -> work.apply(new JdbcLabelerStandings(d)));
  }

  /** Runs {@code work} in one transaction on one connection, as the container would. */
  private static <T> T inTransaction(Function<DataSource, T> work) {
    try (Connection c = base.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(boundTo(c));
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

  /** A data source whose connections are {@code c}, closing it being left to the owner. */
  private static DataSource boundTo(Connection c) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                JdbcValidationRoundsIT.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : method.invoke(c, args));
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcValidationRoundsIT.class.getClassLoader(),
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
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
