package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.dataset.ContributorId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The rows of {@code upload_session}: who owns a resumable upload and how long it will be. */
@ApplicationScoped
public class JdbcUploadSessions {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  /** A resumable upload as recorded when it was opened. */
  public record UploadSession(
      UUID id, ContributorId owner, String fileName, long declaredBytes, Instant expiresAt) {
    public UploadSession {
      Objects.requireNonNull(id, "id must not be null");
      Objects.requireNonNull(owner, "owner must not be null");
      Objects.requireNonNull(fileName, "file name must not be null");
      Objects.requireNonNull(expiresAt, "expiry must not be null");
    }
  }

  public void insert(UploadSession session, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO upload_session (id, owner_id, file_name, declared_bytes, created_at,"
                    + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, session.id());
      insert.setString(2, session.owner().value());
      insert.setString(3, session.fileName());
      insert.setLong(4, session.declaredBytes());
      insert.setTimestamp(5, Timestamp.from(now));
      insert.setTimestamp(6, Timestamp.from(session.expiresAt()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("upload sessions: " + e.getMessage(), e);
    }
  }

  /** The session if it exists, is the owner's and has not expired. */
  public Optional<UploadSession> find(UUID id, ContributorId owner, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT file_name, declared_bytes, expires_at FROM upload_session"
                    + " WHERE id = ? AND owner_id = ? AND expires_at > ?")) {
      select.setObject(1, id);
      select.setString(2, owner.value());
      select.setTimestamp(3, Timestamp.from(now));
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new UploadSession(
                id, owner, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("upload sessions: " + e.getMessage(), e);
    }
  }

  public void delete(UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM upload_session WHERE id = ?")) {
      delete.setObject(1, id);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("upload sessions: " + e.getMessage(), e);
    }
  }

  /** Deletes the expired sessions and answers their ids, so their files can go too. */
  public List<UUID> deleteExpired(Instant now) {
    List<UUID> expired = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM upload_session WHERE expires_at <= ? RETURNING id")) {
      delete.setTimestamp(1, Timestamp.from(now));
      try (ResultSet rs = delete.executeQuery()) {
        while (rs.next()) {
          expired.add(rs.getObject(1, UUID.class));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("upload sessions: " + e.getMessage(), e);
    }
    return expired;
  }
}
