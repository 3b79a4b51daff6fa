package io.datamint.webapp.infrastructure.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUploadAreaTest {

  @TempDir Path directory;

  private Path[] files() throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.toArray(Path[]::new);
    }
  }

  @Test
  void aReceivedFileBecomesTheVersionsCompletedUpload() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory.resolve("uploads"));
    UUID version = UUID.randomUUID();

    Path received = area.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
    assertThat(area.completed(version)).isEmpty();
    area.accept(received, version);

    assertThat(area.completed(version))
        .get()
        .satisfies(p -> assertThat(p).hasBinaryContent(new byte[] {1, 2, 3}));
    area.discard(version);
    assertThat(area.completed(version)).isEmpty();
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndNothingIsKept() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory);
    // never ends on its own: the limit must stop reading, not the end of the stream
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 7;
          }
        };

    assertThatThrownBy(() -> area.receive(endless, 100_000))
        .isInstanceOf(LocalUploadArea.TooLargeException.class)
        .hasMessage("the file is larger than the limit of 100000 bytes");
    assertThat(files()).isEmpty();
  }

  @Test
  void anUploadOfExactlyTheLimitIsAccepted() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory);

    Path received = area.receive(new ByteArrayInputStream(new byte[1000]), 1000);

    assertThat(received).hasSize(1000);
  }

  @Test
  void oldHalfReceivedFilesAreClearedButCompletedUploadsStay() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory);
    UUID version = UUID.randomUUID();
    area.accept(area.receive(new ByteArrayInputStream(new byte[] {1}), 10), version);
    Path partial = area.receive(new ByteArrayInputStream(new byte[] {2}), 10);
    java.nio.file.Files.setLastModifiedTime(
        partial,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));

    assertThat(area.clearPartials(java.time.Duration.ofHours(1))).isEqualTo(1);

    assertThat(files()).hasSize(1);
    assertThat(area.completed(version)).isPresent();
  }

  @Test
  void aHalfReceivedFileStillBeingWrittenStays() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory);
    area.receive(new ByteArrayInputStream(new byte[] {2}), 10);

    assertThat(area.clearPartials(java.time.Duration.ofHours(1))).isZero();
    assertThat(files()).hasSize(1);
  }

  @Test
  void anAbandonedFileIsDeleted() throws IOException {
    LocalUploadArea area = new LocalUploadArea(directory);
    Path received = area.receive(new ByteArrayInputStream(new byte[] {1}), 10);

    area.abandon(received);

    assertThat(files()).isEmpty();
  }
}
