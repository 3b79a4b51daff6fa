package io.datamint.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items of an inspected archive are found again from their offset alone. */
class ZipLocalEntryTest {

  @TempDir Path dir;

  private static final String[] NAMES = {"a/one.txt", "a/two.txt", "b/three.txt", "b/four.txt"};

  /** Text entries, deflated and stored alternately, one of them larger than a deflate block. */
  private Path archive(List<byte[]> contents) throws IOException {
    Path zip = dir.resolve("notes.zip");
    Random random = new Random(7);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < NAMES.length; i++) {
        StringBuilder text = new StringBuilder("note " + i + ":");
        int words = i == 2 ? 40_000 : 20;
        for (int w = 0; w < words; w++) {
          text.append(' ').append(Integer.toString(random.nextInt(1 << 20), 36));
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(NAMES[i]);
        if (i % 2 == 1) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(bytes.length);
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(bytes);
          entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
        contents.add(bytes);
      }
    }
    return zip;
  }

  private List<Item> inspect(Path zip) throws IOException {
    List<Item> items = new ArrayList<>();
    Inspection result =
        new TikaInspector(InspectionLimits.defaults()).inspect(zip, "notes.zip", items::add);
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return items;
  }

  @Test
  void everyEntryIsReadBackFromItsRecordedOffsetAlone() throws IOException {
    List<byte[]> contents = new ArrayList<>();
    Path zip = archive(contents);
    byte[] file = Files.readAllBytes(zip);

    List<Item> items = inspect(zip);

    assertThat(items).hasSize(NAMES.length);
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      assertThat(item.byteOffset()).isNotNegative();
      int from = (int) item.byteOffset();
      int to = (int) Math.min(file.length, from + ZipLocalEntry.maxRecordLength(item.byteLength()));
      try (InputStream range = new ByteArrayInputStream(Arrays.copyOfRange(file, from, to))) {
        byte[] read = ZipLocalEntry.read(range, item.locator().substring(6), item.byteLength());
        assertThat(read).isEqualTo(contents.get(i));
      }
    }
  }

  @Test
  void aWrongOffsetIsCaughtByTheNameInTheHeader() throws IOException {
    List<byte[]> contents = new ArrayList<>();
    Path zip = archive(contents);
    byte[] file = Files.readAllBytes(zip);
    Item second = inspect(zip).get(1);

    assertThatThrownBy(
            () ->
                ZipLocalEntry.read(
                    new ByteArrayInputStream(file, (int) second.byteOffset(), file.length),
                    "a/one.txt",
                    second.byteLength()))
        .hasMessageContaining("is of a/two.txt, not of a/one.txt");
    assertThatThrownBy(
            () ->
                ZipLocalEntry.read(
                    new ByteArrayInputStream(file, (int) second.byteOffset() + 1, file.length),
                    "a/two.txt",
                    second.byteLength()))
        .hasMessageContaining("no local header");
  }
}
