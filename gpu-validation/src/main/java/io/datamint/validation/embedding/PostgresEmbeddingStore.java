package io.datamint.validation.embedding;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Embeddings in the {@code validation_embedding} table (migration V30), shared by every worker: a
 * text embedded by one worker is never embedded again by another. Vectors are stored as big-endian
 * float32 bytes; a concurrent insert of the same hash is ignored, since both computed the same
 * vector.
 */
public final class PostgresEmbeddingStore implements EmbeddingStore {

  private final DataSource dataSource;

  public PostgresEmbeddingStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
  }

  @Override
  public Map<String, float[]> load(Collection<String> hashes) {
    Map<String, float[]> found = new HashMap<>();
    if (hashes.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select content_hash, vector from validation_embedding"
                    + " where content_hash = any(?)")) {
      s.setArray(1, c.createArrayOf("text", hashes.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), decode(rs.getBytes(2)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read cached embeddings", e);
    }
  }

  @Override
  public void save(Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into validation_embedding (content_hash, vector) values (?, ?)"
                    + " on conflict (content_hash) do nothing")) {
      for (Map.Entry<String, float[]> e : vectors.entrySet()) {
        s.setString(1, e.getKey());
        s.setBytes(2, encode(e.getValue()));
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store embeddings", e);
    }
  }

  static byte[] encode(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] decode(byte[] bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
    return vector;
  }
}
