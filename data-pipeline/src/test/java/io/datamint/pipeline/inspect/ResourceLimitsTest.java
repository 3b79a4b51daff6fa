package io.datamint.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bombs and oversized input, generated here rather than kept as files. */
class ResourceLimitsTest {

  private static TikaInspector defaults;

  @TempDir Path dir;

  @BeforeAll
  static void loadTika() {
    defaults = new TikaInspector(InspectionLimits.defaults());
  }

  private static RejectionReason rejected(Inspection i) {
    assertThat(i).isInstanceOf(Inspection.Rejected.class);
    return ((Inspection.Rejected) i).reason();
  }

  @Test
  void zipWithAHighlyCompressedEntryIsABomb() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 8; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(100_000);
    InspectionLimits limits = InspectionLimits.defaults().withArchiveLimits(1000, 1L << 30, 100);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(zip, "bomb.zip", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.ARCHIVE_BOMB);
    assertThat(r.location()).contains("entry zeros.txt");
  }

  @Test
  void zipWithTooManyEntriesIsRejectedBeforeExpanding() throws IOException {
    Path zip = dir.resolve("many.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 50; i++) {
        z.putNextEntry(new ZipEntry(i + ".txt"));
        z.write("x".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    InspectionLimits limits = InspectionLimits.defaults().withArchiveLimits(20, 1L << 30, 100);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(zip, "many.zip", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.ARCHIVE_BOMB);
    assertThat(r.message()).contains("50 entries").contains("20");
  }

  @Test
  void zipExpandingBeyondTheTotalLimitIsABomb() throws IOException {
    Path zip = dir.resolve("big.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 4; i++) {
        z.putNextEntry(new ZipEntry(i + ".txt"));
        z.write(("line " + i + "\n").repeat(10_000).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    InspectionLimits limits = InspectionLimits.defaults().withArchiveLimits(100, 150_000, 1000);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(zip, "big.zip", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.ARCHIVE_BOMB);
    assertThat(r.message()).contains("150000");
  }

  @Test
  void zipEntryThatLiesAboutItsSizeIsCaughtWhileExpanding() throws IOException {
    Path zip = dir.resolve("liar.zip");
    byte[] real = "a".repeat(5000).getBytes(StandardCharsets.UTF_8);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      ZipEntry e = new ZipEntry("liar.txt");
      z.putNextEntry(e);
      z.write(real);
      z.closeEntry();
    }
    // patch the central directory's uncompressed size from 5000 to 10
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = bytes.length - 22; i >= 0; i--) {
      if (b.getInt(i) == 0x02014b50) {
        b.putInt(i + 24, 10);
        break;
      }
    }
    Files.write(zip, bytes);
    RejectionReason r = rejected(defaults.inspect(zip, "liar.zip", ItemSink.discard()));
    assertThat(r.code()).isIn(RejectionCode.ARCHIVE_BOMB, RejectionCode.CORRUPT_ARCHIVE);
    assertThat(r.location()).contains("entry liar.txt");
  }

  @Test
  void fileOverTheSizeLimitIsRejected() throws IOException {
    Path csv = dir.resolve("big.csv");
    Files.writeString(csv, "a,b\n" + "1,2\n".repeat(1000));
    InspectionLimits limits = InspectionLimits.defaults().withMaxFileBytes(1000);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(csv, "big.csv", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.TOO_LARGE);
    assertThat(r.message()).contains("4004 bytes").contains("1000");
  }

  @Test
  void unclosedQuoteInAHugeFileStopsAtTheRecordLimit() throws IOException {
    Path csv = dir.resolve("open.csv");
    try (OutputStream out = Files.newOutputStream(csv)) {
      out.write("a,b\n1,\"open\n".getBytes(StandardCharsets.UTF_8));
      byte[] filler = "x,y,z\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 20; i++) {
        out.write(filler);
      }
    }
    InspectionLimits limits = InspectionLimits.defaults().withMaxRecordBytes(4096);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(csv, "open.csv", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.MALFORMED_CSV);
    assertThat(r.location()).contains("line 2");
  }

  @Test
  void jsonLineLongerThanTheRecordLimitIsRejectedAtItsLine() throws IOException {
    Path jsonl = dir.resolve("long.jsonl");
    Files.writeString(jsonl, "{\"a\":1}\n{\"a\":\"" + "x".repeat(100_000) + "\"}\n{\"a\":3}\n");
    InspectionLimits limits = InspectionLimits.defaults().withMaxRecordBytes(4096);
    RejectionReason r =
        rejected(new TikaInspector(limits).inspect(jsonl, "long.jsonl", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.MALFORMED_JSON);
    assertThat(r.location()).contains("line 2");
  }

  @Test
  void imageWhoseHeaderClaimsBillionsOfPixelsIsRejectedBeforeDecoding() throws IOException {
    Path png = dir.resolve("huge.png");
    Files.write(png, pngHeader(100_000, 100_000));
    RejectionReason r = rejected(defaults.inspect(png, "huge.png", ItemSink.discard()));
    assertThat(r.code()).isEqualTo(RejectionCode.UNDECODABLE_IMAGE);
    assertThat(r.message()).contains("100000 x 100000");
  }

  /** A PNG signature and IHDR chunk (with a correct CRC) and nothing else. */
  private static byte[] pngHeader(int w, int h) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer out = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    // IEND
    CRC32 c2 = new CRC32();
    c2.update("IEND".getBytes(StandardCharsets.US_ASCII));
    out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) c2.getValue());
    return out.array();
  }
}
