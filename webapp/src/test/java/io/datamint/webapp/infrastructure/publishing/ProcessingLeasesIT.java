package io.datamint.webapp.infrastructure.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.webapp.infrastructure.persistence.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Processing leases against real PostgreSQL (the stack's, from {@code DATAMINT_DB_URL}), in a
 * schema of its own that the migrations create and the suite drops.
 */
class ProcessingLeasesIT {

  private static final Duration TTL = Duration.ofSeconds(60);
  private static TestSchema schema;
  private static PGSimpleDataSource base;
  private static ProcessingLeases leases;
  private UUID version;

  @BeforeAll
  static void migrate() {
    schema = TestSchema.migrated("leases_it");
    base = schema.dataSource();
    leases = new ProcessingLeases(base);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    schema.drop();
  }

  /** A dataset with one version, for the lease's foreign key. */
  @BeforeEach
  void aVersion() throws SQLException {
    UUID dataset = UUID.randomUUID();
    version = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = base.getConnection();
        PreparedStatement d =
            c.prepareStatement(
                "INSERT INTO dataset (id, owner_id, title, description, license, state,"
                    + " created_at, updated_at) VALUES (?, 'owner', 't', '', 'CC0-1.0',"
                    + " 'INSPECTING', ?, ?)");
        PreparedStatement v =
            c.prepareStatement(
                "INSERT INTO dataset_version (id, dataset_id, number, state, file_name,"
                    + " progress_percent, created_at, updated_at)"
                    + " VALUES (?, ?, 1, 'INSPECTING', 'f.csv', 0, ?, ?)")) {
      d.setObject(1, dataset);
      d.setTimestamp(2, now);
      d.setTimestamp(3, now);
      d.executeUpdate();
      v.setObject(1, version);
      v.setObject(2, dataset);
      v.setTimestamp(3, now);
      v.setTimestamp(4, now);
      v.executeUpdate();
    }
  }

  @Test
  void aVersionHeldByOneInstanceIsNotTakenByAnother() {
    assertThat(leases.claim(version, "web-1", TTL)).isTrue();

    assertThat(leases.claim(version, "web-2", TTL)).isFalse();
    // the holder itself, restarted under its name, takes it back at once
    assertThat(leases.claim(version, "web-1", TTL)).isTrue();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldHolderCanNoLongerRenewIt() throws Exception {
    assertThat(leases.claim(version, "web-1", Duration.ofMillis(1))).isTrue();
    Thread.sleep(20);

    assertThat(leases.claim(version, "web-2", TTL)).isTrue();

    assertThat(leases.renew(List.of(version), "web-1", TTL)).isZero();
    assertThat(leases.renew(List.of(version), "web-2", TTL)).isEqualTo(1);
  }

  @Test
  void renewingKeepsTheLeaseAndReleasingFreesIt() throws Exception {
    assertThat(leases.claim(version, "web-1", Duration.ofMillis(300))).isTrue();
    assertThat(leases.renew(List.of(version), "web-1", TTL)).isEqualTo(1);
    Thread.sleep(400);
    assertThat(leases.claim(version, "web-2", TTL)).isFalse();

    leases.release(version, "web-2"); // not the holder: nothing happens
    assertThat(leases.claim(version, "web-2", TTL)).isFalse();
    leases.release(version, "web-1");
    assertThat(leases.claim(version, "web-2", TTL)).isTrue();
  }
}
