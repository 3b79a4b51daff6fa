package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.infrastructure.persistence.JdbcUploadSessions;
import io.datamint.webapp.infrastructure.persistence.JdbcUploadSessions.UploadSession;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads that survive a broken connection: the client opens one with the file's name and length,
 * sends the bytes in as many requests as it needs (each says the offset it continues from), asks
 * where the upload stands after a failure, and publishes it once complete. The bytes that arrived
 * are kept on disk, so neither a dropped connection nor a restart of the application loses them.
 */
@ApplicationScoped
public class ResumableUploads {

  private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());

  private LocalUploadArea area;
  private JdbcUploadSessions sessions;
  private UploadSettings settings;
  private Clock clock;
  private Duration lifetime;

  /** Where an upload stands. */
  public record Status(UUID id, String fileName, long offset, long length, Instant expiresAt) {
    public boolean complete() {
      return offset == length;
    }
  }

  /** No such upload, someone else's, or expired: all look the same to the caller. */
  public static final class UnknownUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownUploadException(UUID id) {
      super("no upload " + id);
    }
  }

  protected ResumableUploads() {
    // for CDI proxies
  }

  @Inject
  public ResumableUploads(
      LocalUploadArea area,
      JdbcUploadSessions sessions,
      UploadSettings settings,
      Clock clock,
      @ConfigProperty(name = "datamint.upload.resumable-hours", defaultValue = "24") long hours) {
    this.area = area;
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock;
    this.lifetime = Duration.ofHours(hours);
  }

  /**
   * Opens an upload of {@code length} bytes.
   *
   * @throws LocalUploadArea.TooLargeException when the length is over the limit
   * @throws IllegalArgumentException for a blank name or a negative length
   */
  public Status open(ContributorId owner, String fileName, long length) throws IOException {
    if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
      throw new IllegalArgumentException(
          "an upload needs a file name of 1 to 255 characters (its extension says the format)");
    }
    if (length < 0) {
      throw new IllegalArgumentException("an upload's length cannot be negative");
    }
    if (length > settings.maxBytes()) {
      throw new LocalUploadArea.TooLargeException(settings.maxBytes());
    }
    expire();
    Instant now = clock.instant();
    UploadSession session =
        new UploadSession(UUID.randomUUID(), owner, fileName.strip(), length, now.plus(lifetime));
    area.openResumable(session.id());
    sessions.insert(session, now);
    LOG.info(() -> "upload " + session.id() + " opened by " + owner + " for " + length + " bytes");
    return new Status(session.id(), session.fileName(), 0, length, session.expiresAt());
  }

  public Status status(ContributorId owner, UUID id) throws IOException {
    UploadSession session = require(owner, id);
    return statusOf(session, area.resumableOffset(id));
  }

  /**
   * Appends the bytes sent from {@code offset} on.
   *
   * @throws LocalUploadArea.OffsetMismatchException when the upload stands elsewhere
   * @throws LocalUploadArea.TooLargeException when more bytes arrive than were declared
   * @throws LocalUploadArea.UploadBusyException when another request is appending
   * @throws IOException when the connection broke: the bytes that arrived are kept
   */
  public Status append(ContributorId owner, UUID id, long offset, InputStream bytes)
      throws IOException {
    UploadSession session = require(owner, id);
    long reached = area.append(id, offset, session.declaredBytes(), bytes);
    return statusOf(session, reached);
  }

  /**
   * The complete upload as a received file for {@link UploadIntake}; the upload stays until {@link
   * #published} so that a refused publication can be tried again.
   *
   * @throws IllegalStateException while bytes are missing
   */
  public ReceivedFile receive(ContributorId owner, UUID id) throws IOException {
    UploadSession session = require(owner, id);
    long offset = area.resumableOffset(id);
    if (offset != session.declaredBytes()) {
      throw new IllegalStateException(
          "the upload is not complete: " + offset + " of " + session.declaredBytes() + " bytes");
    }
    return new ReceivedFile(area.receiveResumable(id), session.fileName(), offset);
  }

  /** The upload became a version: its session and file name go. */
  public void published(UUID id) {
    sessions.delete(id);
    area.deleteResumable(id);
  }

  public void cancel(ContributorId owner, UUID id) {
    require(owner, id);
    published(id);
    LOG.info(() -> "upload " + id + " cancelled by " + owner);
  }

  /** Deletes expired uploads with their bytes. */
  public int expire() {
    List<UUID> expired = sessions.deleteExpired(clock.instant());
    expired.forEach(area::deleteResumable);
    if (!expired.isEmpty()) {
      LOG.info(() -> expired.size() + " expired uploads deleted");
    }
    return expired.size();
  }

  private UploadSession require(ContributorId owner, UUID id) {
    return sessions
        .find(id, owner, clock.instant())
        .orElseThrow(() -> new UnknownUploadException(id));
  }

  private static Status statusOf(UploadSession s, long offset) {
    return new Status(s.id(), s.fileName(), offset, s.declaredBytes(), s.expiresAt());
  }
}
