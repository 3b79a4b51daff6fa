package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.pipeline.crypto.ChunkedAesGcmCipher;
import io.datamint.pipeline.crypto.DataKeys;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items of encrypted archives and JSON Lines files are served from ranged reads. */
class DecryptingItemContentsTest {

  private static final Cid CID =
      Cid.of("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");

  @TempDir Path dir;

  private final ChunkedAesGcmCipher cipher = new ChunkedAesGcmCipher();
  private final DataKey key = DataKeys.random();

  /** One stored ciphertext, counting the bytes it hands out. */
  private static final class Ciphertext implements ContentStore {
    final byte[] bytes;
    long served;

    Ciphertext(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public StoredObject store(ContentSource content, String reference, LongConsumer progress) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream open(Cid cid) {
      return open(cid, 0, Long.MAX_VALUE);
    }

    @Override
    public InputStream open(Cid cid, long offset, long length) {
      int from = (int) Math.min(offset, bytes.length);
      int n = (int) Math.min(length, bytes.length - from);
      served += n;
      return new ByteArrayInputStream(bytes, from, n);
    }

    @Override
    public void release(Cid cid, String reference) {}

    @Override
    public boolean isPinned(Cid cid) {
      return true;
    }
  }

  private Ciphertext encrypt(Path file) throws IOException {
    try (InputStream in = cipher.encrypting(Files.newInputStream(file), new DataKey(key.bytes()))) {
      return new Ciphertext(in.readAllBytes());
    }
  }

  private List<Item> inspect(Path file) throws IOException {
    List<Item> items = new ArrayList<>();
    Inspection result =
        new TikaInspector(InspectionLimits.defaults())
            .inspect(file, file.getFileName().toString(), items::add);
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return items;
  }

  private static byte[] png(int seed) throws IOException {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void anImageOfAZipIsServedFromItsOwnChunksWithoutItsFolderName() throws IOException {
    Path zip = dir.resolve("pets.zip");
    List<byte[]> images = new ArrayList<>();
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 60; i++) {
        byte[] image = png(i);
        images.add(image);
        out.putNextEntry(new ZipEntry((i % 2 == 0 ? "cats/" : "dogs/") + i + ".png"));
        out.write(image);
        out.closeEntry();
      }
    }
    List<Item> items = inspect(zip);
    Ciphertext stored = encrypt(zip);
    DecryptingItemContents contents = new DecryptingItemContents(stored, null, cipher);

    TaskContent last =
        contents.read(
            ContentFormat.ZIP_OF_IMAGES, "label", CID, new DataKey(key.bytes()), items.get(59));

    assertThat(last.mediaType()).isEqualTo("image/png");
    assertThat(last.bytes()).isEqualTo(images.get(59));
    assertThat(last.fields()).isEmpty();
    // one image is ~12 KiB of a ~740 KiB archive: the header, and the chunks of that image
    assertThat(stored.served).isLessThan(stored.bytes.length / 4);
  }

  @Test
  void anArchiveInspectedBeforeOffsetsWereRecordedIsScanned() throws IOException {
    Path zip = dir.resolve("notes.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 3; i++) {
        out.putNextEntry(new ZipEntry("notes/" + i + ".txt"));
        out.write(("note number " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    Item recorded = inspect(zip).get(2);
    Item old =
        new Item(
            recorded.id(), recorded.locator(), recorded.contentHash(), -1, recorded.byteLength());

    TaskContent text =
        new DecryptingItemContents(encrypt(zip), null, cipher)
            .read(ContentFormat.ZIP_OF_TEXT, "label", CID, new DataKey(key.bytes()), old);

    assertThat(text.fields()).containsEntry("text", "note number 2");
  }

  @Test
  void aJsonLinesRecordIsServedFromItsRange() throws IOException {
    Path jsonl = dir.resolve("reviews.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      lines
          .append("{\"id\":")
          .append(i)
          .append(",\"text\":\"review number ")
          .append(i)
          .append("\",\"label\":\"")
          .append(i % 3 == 0 ? "bad" : "good")
          .append("\"}\n");
    }
    Files.writeString(jsonl, lines);
    List<Item> items = inspect(jsonl);
    Ciphertext stored = encrypt(jsonl);

    TaskContent record =
        new DecryptingItemContents(stored, null, cipher)
            .read(ContentFormat.JSONL, "label", CID, new DataKey(key.bytes()), items.get(19_999));

    assertThat(record.fields())
        .containsEntry("text", "review number 19999")
        .doesNotContainKey("label");
    assertThat(stored.served).isLessThan(3 * 64 * 1024);
  }

  @Test
  void aCsvRecordIsServedFromTheStartOfTheFileAndItsOwnRange() throws IOException {
    Path csv = dir.resolve("reviews.csv");
    StringBuilder rows = new StringBuilder("id,text,label\n");
    for (int i = 0; i < 20_000; i++) {
      rows.append(i).append(",\"review, number ").append(i).append("\",good\n");
    }
    Files.writeString(csv, rows);
    List<Item> items = inspect(csv);
    Ciphertext stored = encrypt(csv);

    TaskContent record =
        new DecryptingItemContents(stored, null, cipher)
            .read(ContentFormat.CSV, "label", CID, new DataKey(key.bytes()), items.get(19_998));

    assertThat(record.fields())
        .containsExactly(
            java.util.Map.entry("id", "19998"),
            java.util.Map.entry("text", "review, number 19998"));
    // the first 64 KiB for the header, and the chunks of the record: not the 630 KB file
    assertThat(stored.served).isLessThan(4 * 64 * 1024);
  }

  @Test
  void aCsvRecordWhoseOffsetDoesNotHoldItIsFoundByParsingFromTheStart() throws IOException {
    Path csv = dir.resolve("small.csv");
    Files.writeString(csv, "id,text\n1,one\n2,two\n3,three\n");
    List<Item> items = inspect(csv);
    Item third = items.get(2);
    Item misplaced =
        new Item(
            third.id(),
            third.locator(),
            third.contentHash(),
            items.get(0).byteOffset(),
            third.byteLength());

    TaskContent record =
        new DecryptingItemContents(encrypt(csv), null, cipher)
            .read(ContentFormat.CSV, null, CID, new DataKey(key.bytes()), misplaced);

    assertThat(record.fields()).containsEntry("text", "three");
  }

  @Test
  void manyCsvRecordsAreFoundInOnePass() throws IOException {
    Path csv = dir.resolve("many.csv");
    StringBuilder rows = new StringBuilder("id,text\n");
    for (int i = 0; i < 1_000; i++) {
      rows.append(i).append(",\"text ").append(i).append("\nsecond line\"\n");
    }
    Files.writeString(csv, rows);
    List<Item> items = inspect(csv);

    java.util.Map<io.datamint.domain.model.dataset.ItemId, TaskContent> found;
    try (InputStream in = Files.newInputStream(csv)) {
      found =
          DecryptingItemContents.csvRecords(
              in, ContentFormat.CSV, null, List.of(items.get(700), items.get(3), items.get(998)));
    }

    assertThat(found).hasSize(3);
    assertThat(found.get(items.get(700).id()).fields())
        .containsEntry("text", "text 700\nsecond line");
    assertThat(found.get(items.get(3).id()).fields()).containsEntry("id", "3");
    assertThat(found.get(items.get(998).id()).fields()).containsEntry("id", "998");
  }

  @Test
  void anElementOfAJsonArrayIsServedFromItsOffset() throws IOException {
    Path json = dir.resolve("posts.json");
    StringBuilder array = new StringBuilder("[\n");
    for (int i = 0; i < 5_000; i++) {
      array
          .append(i == 0 ? "" : ",\n")
          .append("  { \"id\": ")
          .append(i)
          .append(", \"text\": \"post ")
          .append(i)
          .append(" é\", \"label\": \"x\" }");
    }
    Files.writeString(json, array.append("\n]\n"));
    List<Item> items = inspect(json);
    Ciphertext stored = encrypt(json);

    TaskContent element =
        new DecryptingItemContents(stored, null, cipher)
            .read(ContentFormat.JSON, "label", CID, new DataKey(key.bytes()), items.get(4_321));

    assertThat(element.fields()).containsEntry("id", "4321").containsEntry("text", "post 4321 é");
    assertThat(element.fields()).doesNotContainKey("label");
  }
}
