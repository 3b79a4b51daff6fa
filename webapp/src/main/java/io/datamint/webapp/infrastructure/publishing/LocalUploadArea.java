package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.model.dataset.UploadArea;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads on local disk. A file is received under a random name ending in {@code .part} and only
 * renamed to {@code <versionId>.upload} once every byte is on disk, so that after a crash a {@code
 * .upload} file is always complete and a {@code .part} file is always garbage.
 */
public final class LocalUploadArea implements UploadArea {

  private static final int BUFFER = 64 * 1024;

  private final Path directory;

  public LocalUploadArea(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory must not be null");
  }

  /** The upload is larger than allowed; nothing of it is kept. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("the file is larger than the limit of " + limit + " bytes");
    }
  }

  /**
   * Streams the bytes to a new file, never holding them in memory.
   *
   * @return the received file, to {@link #accept} or {@link #abandon}
   * @throws TooLargeException as soon as more than {@code maxBytes} arrive
   */
  public Path receive(InputStream in, long maxBytes) throws IOException {
    Files.createDirectories(directory);
    Path part = directory.resolve(UUID.randomUUID() + ".part");
    try (in;
        OutputStream out = Files.newOutputStream(part)) {
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new TooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    return part;
  }

  /** The offset a client sent is not where the resumable upload stands. */
  public static final class OffsetMismatchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long current;

    OffsetMismatchException(long sent, long current) {
      super("the upload stands at byte " + current + ", not at " + sent);
      this.current = current;
    }

    public long current() {
      return current;
    }
  }

  /** Another request is writing to the same resumable upload. */
  public static final class UploadBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    UploadBusyException() {
      super("another request is writing to this upload; wait for it or resume after it");
    }
  }

  // --- resumable uploads: <id>.resumable grows chunk by chunk, across requests and restarts ---

  /** Creates the empty file of a new resumable upload. */
  public void openResumable(UUID uploadId) throws IOException {
    Files.createDirectories(directory);
    Files.createFile(resumableOf(uploadId));
  }

  /** How many bytes of the resumable upload arrived so far (0 when its file is gone). */
  public long resumableOffset(UUID uploadId) throws IOException {
    Path file = resumableOf(uploadId);
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /**
   * Appends what the stream brings, from {@code offset} on. Every byte read is written before the
   * next read, so when the connection breaks the bytes that did arrive stay and the client resumes
   * from {@link #resumableOffset}.
   *
   * @return the new offset
   * @throws OffsetMismatchException when {@code offset} is not the current size
   * @throws TooLargeException when the stream brings more than {@code declaredBytes} in all; the
   *     bytes up to the declared size are kept
   * @throws UploadBusyException when another request is appending
   */
  public long append(UUID uploadId, long offset, long declaredBytes, InputStream in)
      throws IOException {
    try (in;
        FileChannel channel = FileChannel.open(resumableOf(uploadId), StandardOpenOption.WRITE)) {
      FileLock lock = lock(channel);
      try {
        long size = channel.size();
        if (size != offset) {
          throw new OffsetMismatchException(offset, size);
        }
        channel.position(size);
        byte[] buffer = new byte[BUFFER];
        long total = size;
        int n;
        try {
          while ((n = in.read(buffer)) > 0) {
            int allowed = (int) Math.min(n, declaredBytes - total);
            channel.write(ByteBuffer.wrap(buffer, 0, allowed));
            total += allowed;
            if (allowed < n) {
              throw new TooLargeException(declaredBytes);
            }
          }
        } finally {
          channel.force(false);
        }
        return total;
      } finally {
        lock.release();
      }
    }
  }

  /**
   * The complete resumable upload as a received file that {@link #accept} can take, without a copy:
   * a second name (hard link) for the same bytes. If the use case refuses it, abandoning the
   * received file removes only that name and the upload can be published again.
   */
  public Path receiveResumable(UUID uploadId) throws IOException {
    Path received = directory.resolve(UUID.randomUUID() + ".part");
    Files.createLink(received, resumableOf(uploadId));
    return received;
  }

  public void deleteResumable(UUID uploadId) {
    try {
      Files.deleteIfExists(resumableOf(uploadId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileLock lock(FileChannel channel) throws IOException {
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new UploadBusyException();
      }
      return lock;
    } catch (OverlappingFileLockException heldInThisJvm) {
      throw new UploadBusyException();
    }
  }

  private Path resumableOf(UUID uploadId) {
    return directory.resolve(Objects.requireNonNull(uploadId, "upload id") + ".resumable");
  }

  /** Hands a received file over to the version; from now on it is the version's upload. */
  public void accept(Path received, UUID versionId) throws IOException {
    Files.move(received, fileOf(versionId), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a received file that no version took. */
  public void abandon(Path received) {
    try {
      Files.deleteIfExists(received);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Path> completed(UUID versionId) {
    Path file = fileOf(versionId);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public void discard(UUID versionId) {
    try {
      Files.deleteIfExists(fileOf(versionId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes half-received files older than {@code olderThan}: no upload still running writes to
   * them (the area may be shared by several instances, so fresh ones may be in use).
   */
  public int clearPartials(Duration olderThan) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    // another instance may be receiving into the shared area right now: its file is fresh
    FileTime before = FileTime.from(Instant.now().minus(olderThan));
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*.part")) {
      for (Path part : parts) {
        if (Files.getLastModifiedTime(part).compareTo(before) < 0) {
          Files.deleteIfExists(part);
          deleted++;
        }
      }
    }
    return deleted;
  }

  private Path fileOf(UUID versionId) {
    return directory.resolve(Objects.requireNonNull(versionId, "version id") + ".upload");
  }
}
