package io.datamint.webapp.infrastructure.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file side of resumable uploads in {@link LocalUploadArea}. */
class ResumableUploadAreaTest {

  private static final byte[] FILE = bytes(100_000);

  @TempDir Path directory;

  private LocalUploadArea area;
  private UUID upload;

  @BeforeEach
  void open() throws IOException {
    area = new LocalUploadArea(directory);
    upload = UUID.randomUUID();
    area.openResumable(upload);
  }

  @Test
  void bytesThatArrivedBeforeTheConnectionBrokeStayAndTheUploadResumesFromThere()
      throws IOException {
    assertThatThrownBy(() -> area.append(upload, 0, FILE.length, breaksAfter(FILE, 30_000)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection reset");
    long offset = area.resumableOffset(upload);
    assertThat(offset).isEqualTo(30_000);

    long reached = area.append(upload, offset, FILE.length, rest(FILE, offset));

    assertThat(reached).isEqualTo(FILE.length);
    Path received = area.receiveResumable(upload);
    assertThat(received).hasBinaryContent(FILE);
  }

  @Test
  void aChunkSentFromTheWrongOffsetIsRefusedWithTheCurrentOne() throws IOException {
    area.append(upload, 0, FILE.length, new ByteArrayInputStream(FILE, 0, 10));

    assertThatThrownBy(() -> area.append(upload, 5, FILE.length, rest(FILE, 5)))
        .isInstanceOfSatisfying(
            LocalUploadArea.OffsetMismatchException.class,
            e -> assertThat(e.current()).isEqualTo(10));
    assertThat(area.resumableOffset(upload)).isEqualTo(10);
  }

  @Test
  void bytesBeyondTheDeclaredLengthAreRefusedAndTheDeclaredOnesKept() throws IOException {
    assertThatThrownBy(() -> area.append(upload, 0, 1_000, new ByteArrayInputStream(FILE)))
        .isInstanceOf(LocalUploadArea.TooLargeException.class);

    assertThat(area.resumableOffset(upload)).isEqualTo(1_000);
  }

  @Test
  void abandoningTheReceivedFileKeepsTheUploadAcceptingItMovesTheBytesToTheVersion()
      throws IOException {
    area.append(upload, 0, FILE.length, new ByteArrayInputStream(FILE));

    area.abandon(area.receiveResumable(upload));
    assertThat(area.resumableOffset(upload)).isEqualTo(FILE.length);

    UUID version = UUID.randomUUID();
    area.accept(area.receiveResumable(upload), version);
    area.deleteResumable(upload);
    assertThat(area.completed(version)).get().satisfies(p -> assertThat(p).hasBinaryContent(FILE));
    assertThat(area.resumableOffset(upload)).isZero();
  }

  @Test
  void aRestartKeepsResumableUploadsButDeletesHalfReceivedFiles() throws IOException {
    area.append(upload, 0, FILE.length, new ByteArrayInputStream(FILE, 0, 500));
    area.receiveResumable(upload); // a publication that crashed before the hand-over

    assertThat(area.clearPartials(java.time.Duration.ZERO)).isEqualTo(1);
    assertThat(area.resumableOffset(upload)).isEqualTo(500);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  private static InputStream rest(byte[] all, long from) {
    return new ByteArrayInputStream(all, (int) from, all.length - (int) from);
  }

  /** A request body whose connection drops after {@code n} bytes. */
  private static InputStream breaksAfter(byte[] all, int n) {
    return new InputStream() {
      private final ByteArrayInputStream delegate = new ByteArrayInputStream(Arrays.copyOf(all, n));

      @Override
      public int read() throws IOException {
        int b = delegate.read();
        if (b < 0) {
          throw new IOException("connection reset");
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int read = delegate.read(buffer, off, len);
        if (read < 0) {
          throw new IOException("connection reset");
        }
        return read;
      }
    };
  }
}
