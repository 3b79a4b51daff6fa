package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.PinLedger;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The pin ledger in {@code ipfs_pin}. The content store calls it from the processor, which runs
 * outside transactions, so each statement commits at once: the record must be in the database
 * before Kubo pins, otherwise a crash could leave a pin no record explains.
 */
@ApplicationScoped
public class JdbcPinLedger implements PinLedger {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public void pinRequested(Cid cid, String reference) {
    // a record that is already confirmed stays confirmed: storing the same bytes again re-pins
    update(
        "INSERT INTO ipfs_pin (cid, reference, state, requested_at) VALUES (?, ?, 'REQUESTED', now())"
            + " ON CONFLICT (cid, reference) DO NOTHING",
        cid,
        reference);
  }

  @Override
  public void pinConfirmed(Cid cid, String reference) {
    update(
        "INSERT INTO ipfs_pin (cid, reference, state, requested_at, confirmed_at)"
            + " VALUES (?, ?, 'CONFIRMED', now(), now())"
            + " ON CONFLICT (cid, reference) DO UPDATE SET state = 'CONFIRMED',"
            + " confirmed_at = now()",
        cid,
        reference);
  }

  @Override
  public int released(Cid cid, String reference) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM ipfs_pin WHERE cid = ? AND reference = ?")) {
        delete.setString(1, cid.value());
        delete.setString(2, reference);
        delete.executeUpdate();
      }
      try (PreparedStatement count =
          c.prepareStatement("SELECT count(*) FROM ipfs_pin WHERE cid = ?")) {
        count.setString(1, cid.value());
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pin ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<Cid> heldCids() {
    Set<Cid> cids = new LinkedHashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT DISTINCT cid FROM ipfs_pin ORDER BY cid");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        cids.add(Cid.of(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pin ledger: " + e.getMessage(), e);
    }
    return cids;
  }

  private void update(String sql, Cid cid, String reference) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, cid.value());
      statement.setString(2, reference);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("pin ledger: " + e.getMessage(), e);
    }
  }
}
