package io.datamint.webapp.infrastructure.publishing;

import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Leases on the processing of versions, in {@code version_processing_lease}: one holder at a time
 * per version, for a time it renews while it works. A holder may claim again what it holds (a
 * restarted instance keeps its name and takes its versions back at once); anyone may claim a lease
 * that expired. Each call commits on its own.
 */
@ApplicationScoped
public class ProcessingLeases {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public ProcessingLeases() {
    // for CDI
  }

  /** For tests: the database to keep the leases in. */
  public ProcessingLeases(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Takes the version for {@code holder}, unless another holder's lease is still running. */
  public boolean claim(UUID version, String holder, Duration ttl) {
    String sql =
        "INSERT INTO version_processing_lease (version_id, holder, expires_at)"
            + " VALUES (?, ?, now() + ? * interval '1 millisecond')"
            + " ON CONFLICT (version_id) DO UPDATE"
            + " SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
            + " WHERE version_processing_lease.expires_at < now()"
            + " OR version_processing_lease.holder = EXCLUDED.holder"
            + " RETURNING version_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement claim = c.prepareStatement(sql)) {
      claim.setObject(1, version);
      claim.setString(2, holder);
      claim.setLong(3, ttl.toMillis());
      try (ResultSet rs = claim.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim the processing of version " + version, e);
    }
  }

  /** Extends the holder's leases on these versions; answers how many it still held. */
  public int renew(Collection<UUID> versions, String holder, Duration ttl) {
    if (versions.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement renew =
            c.prepareStatement(
                "UPDATE version_processing_lease"
                    + " SET expires_at = now() + ? * interval '1 millisecond'"
                    + " WHERE holder = ? AND version_id = ANY (?)")) {
      renew.setLong(1, ttl.toMillis());
      renew.setString(2, holder);
      renew.setArray(3, c.createArrayOf("uuid", versions.toArray()));
      return renew.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot renew processing leases", e);
    }
  }

  /** Ends the holder's lease on the version (processing finished, either way). */
  public void release(UUID version, String holder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement release =
            c.prepareStatement(
                "DELETE FROM version_processing_lease WHERE version_id = ? AND holder = ?")) {
      release.setObject(1, version);
      release.setString(2, holder);
      release.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release the processing of version " + version, e);
    }
  }
}
