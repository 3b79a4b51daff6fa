package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Items in {@code dataset_item}, written with PostgreSQL's {@code COPY} (or, where the connection
 * cannot be unwrapped to the driver's, JDBC batches): a version may hold tens of millions of items,
 * which JPA would hold as managed entities and row-by-row inserts would write at a fraction of the
 * speed. Each batch commits on its own, outside any JTA transaction (the processor runs without
 * one), so a huge file never makes one huge transaction; a run that does not finish is undone by
 * {@link #deleteAll}, which the processor calls before it inspects and when it rejects.
 */
@ApplicationScoped
public class JdbcItemStore implements ItemStore {

  static final int BATCH_SIZE = 1000;

  /** Rows per {@code COPY}: large enough to amortise the round trip, small in memory (~2 MB). */
  static final int COPY_ROWS = 20_000;

  private static final Logger LOG = Logger.getLogger(JdbcItemStore.class.getName());

  private static final String COPY =
      "COPY dataset_item"
          + " (version_id, ordinal, item_id, locator, content_hash, byte_offset, byte_length)"
          + " FROM STDIN";

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
      Connection connection = dataSource.getConnection();
      CopyManager copy = copyManagerOf(connection);
      return copy != null
          ? new CopyBatch(connection, copy, versionId)
          : new JdbcBatch(connection, versionId);
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

  private static CopyManager copyManagerOf(Connection connection) {
    try {
      return connection.isWrapperFor(PGConnection.class)
          ? connection.unwrap(PGConnection.class).getCopyAPI()
          : null;
    } catch (SQLException | LinkageError e) {
      LOG.warning(() -> "items: COPY unavailable, using batched inserts (" + e + ")");
      return null;
    }
  }

  /** One open connection for one inspection run; rows go in as {@code COPY} text. */
  private static final class CopyBatch implements Batch {

    private final Connection connection;
    private final CopyManager copy;
    private final String versionId;
    private final StringBuilder rows = new StringBuilder(COPY_ROWS * 120);
    private int pending;

    CopyBatch(Connection connection, CopyManager copy, UUID versionId) throws SQLException {
      this.connection = connection;
      this.copy = copy;
      this.versionId = versionId.toString();
      try {
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public void accept(Item item) {
      rows.append(versionId).append('\t');
      rows.append(item.ordinal()).append('\t');
      escaped(item.id().value());
      rows.append('\t');
      escaped(item.locator());
      rows.append('\t').append(item.contentHash().sha256Hex()).append('\t');
      rows.append(item.byteOffset()).append('\t');
      rows.append(item.byteLength()).append('\n');
      if (++pending == COPY_ROWS) {
        flush();
      }
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped. */
    private void escaped(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> rows.append("\\\\");
          case '\t' -> rows.append("\\t");
          case '\n' -> rows.append("\\n");
          case '\r' -> rows.append("\\r");
          default -> rows.append(c);
        }
      }
    }

    private void flush() {
      if (pending == 0) {
        return;
      }
      try {
        copy.copyIn(COPY, new StringReader(rows.toString()));
        connection.commit();
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot write items: " + e.getMessage(), e);
      }
      rows.setLength(0);
      pending = 0;
    }

    @Override
    public void close() {
      try {
        flush();
      } finally {
        try {
          connection.setAutoCommit(true);
          connection.close();
        } catch (SQLException ignored) {
          // the pool validates connections before handing them out again
        }
      }
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
