package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.model.dataset.UploadArea;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Deletes every half-received file: at start nobody is receiving, so they are all garbage. */
  public int clearPartials() throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*.part")) {
      for (Path part : parts) {
        Files.deleteIfExists(part);
        deleted++;
      }
    }
    return deleted;
  }

  private Path fileOf(UUID versionId) {
    return directory.resolve(Objects.requireNonNull(versionId, "version id") + ".upload");
  }
}
