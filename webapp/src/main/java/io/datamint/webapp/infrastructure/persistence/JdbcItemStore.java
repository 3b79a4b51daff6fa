package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Items in {@code dataset_item}, written with JDBC batches: a version may hold millions of items,
 * which JPA would hold as managed entities. Each batch commits on its own, outside any JTA
 * transaction (the processor runs without one), so a huge file never makes one huge transaction; a
 * run that does not finish is undone by {@link #deleteAll}, which the processor calls before it
 * inspects and when it rejects.
 */
@ApplicationScoped
public class JdbcItemStore implements ItemStore {

  static final int BATCH_SIZE = 1000;

  private static final String INSERT =
      "INSERT INTO dataset_item"
          + " (version_id, ordinal, item_id, locator, content_hash, byte_offset, byte_length)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public Batch open(UUID versionId) {
    Objects.requireNonNull(versionId, "version id must not be null");
    try {
      return new JdbcBatch(dataSource.getConnection(), versionId);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write items: " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteAll(UUID versionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM dataset_item WHERE version_id = ?")) {
      delete.setObject(1, versionId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete items: " + e.getMessage(), e);
    }
  }

  /** One open connection and statement for one inspection run. */
  private static final class JdbcBatch implements Batch {

    private final Connection connection;
    private final PreparedStatement insert;
    private final UUID versionId;
    private int pending;

    JdbcBatch(Connection connection, UUID versionId) throws SQLException {
      this.connection = connection;
      this.versionId = versionId;
      try {
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public void accept(Item item) {
      try {
        insert.setObject(1, versionId);
        insert.setLong(2, item.ordinal());
        insert.setString(3, item.id().value());
        insert.setString(4, item.locator());
        insert.setString(5, item.contentHash().sha256Hex());
        insert.setLong(6, item.byteOffset());
        insert.setLong(7, item.byteLength());
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
          flush();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot write items: " + e.getMessage(), e);
      }
    }

    private void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        connection.commit();
        pending = 0;
      }
    }

    @Override
    public void close() {
      try {
        flush();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot write items: " + e.getMessage(), e);
      } finally {
        try {
          insert.close();
          connection.setAutoCommit(true);
          connection.close();
        } catch (SQLException ignored) {
          // the pool validates connections before handing them out again
        }
      }
    }
  }
}
