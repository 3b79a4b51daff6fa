package io.datamint.webapp.infrastructure.chain;

import io.datamint.domain.model.chain.IndexerCheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One event indexer's checkpoint in {@code chain_indexer_checkpoint}, as one row of {@code "number
 * hash"} lines. Saving is a single upsert statement, so it is atomic whether or not the caller has
 * a transaction open (the worker calls it without one). The name ties the checkpoint to the
 * contracts it follows: a redeployment starts from a fresh one.
 */
public final class JdbcIndexerCheckpointStore implements IndexerCheckpointStore {

  private final DataSource dataSource;
  private final String name;

  public JdbcIndexerCheckpointStore(DataSource dataSource, String name) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
    this.name = Objects.requireNonNull(name, "name must not be null");
  }

  @Override
  public Checkpoint load() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT recent FROM chain_indexer_checkpoint WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? parse(rs.getString(1)) : Checkpoint.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("indexer checkpoint: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Checkpoint checkpoint) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO chain_indexer_checkpoint (name, recent, updated_at)"
                    + " VALUES (?, ?, now()) ON CONFLICT (name)"
                    + " DO UPDATE SET recent = EXCLUDED.recent, updated_at = now()")) {
      upsert.setString(1, name);
      upsert.setString(2, format(checkpoint));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("indexer checkpoint: " + e.getMessage(), e);
    }
  }

  static String format(Checkpoint checkpoint) {
    StringBuilder text = new StringBuilder();
    for (BlockRef block : checkpoint.recent()) {
      text.append(block.number()).append(' ').append(block.hash()).append('\n');
    }
    return text.toString();
  }

  static Checkpoint parse(String text) {
    List<BlockRef> recent = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split(" ");
      if (parts.length != 2) {
        throw new IllegalStateException("indexer checkpoint: unreadable line '" + line + "'");
      }
      recent.add(new BlockRef(Long.parseLong(parts[0]), parts[1]));
    }
    return new Checkpoint(recent);
  }
}
