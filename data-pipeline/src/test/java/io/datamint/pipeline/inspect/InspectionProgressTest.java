package io.datamint.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemSink;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formats whose items carry no byte offset (CSV records, archive entries) still tell the sink how
 * far reading got, so the contributor sees inspection progress.
 */
class InspectionProgressTest {

  private static TikaInspector inspector;

  @TempDir Path dir;

  @BeforeAll
  static void loadTika() {
    inspector = new TikaInspector(InspectionLimits.defaults());
  }

  @Test
  void aCsvReportsTheBytesReadAsItGoes() throws IOException {
    Path csv = dir.resolve("rows.csv");
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("id,text,label\n");
      for (int i = 0; i < 100_000; i++) {
        out.write(i + ",\"some words for row " + i + "\"," + (i % 2 == 0 ? "a" : "b") + "\n");
      }
    }

    List<Long> reached = inspect(csv, "rows.csv");

    assertThat(reached).hasSizeGreaterThan(2).isSorted();
    assertThat(reached.get(reached.size() - 1)).isLessThanOrEqualTo(Files.size(csv));
    assertThat(reached.get(reached.size() - 1)).isGreaterThan(Files.size(csv) / 2);
  }

  @Test
  void anArchiveReportsTheEntriesDone() throws IOException {
    Path zip = dir.resolve("texts.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 20; i++) {
        out.putNextEntry(new ZipEntry("class-" + (i % 2) + "/text-" + i + ".txt"));
        out.write(("text number " + i).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    List<Long> reached = inspect(zip, "texts.zip");

    assertThat(reached).hasSize(20).isSorted();
    assertThat(reached.get(19)).isLessThan(Files.size(zip));
  }

  private static List<Long> inspect(Path file, String name) throws IOException {
    List<Long> reached = new ArrayList<>();
    Inspection result =
        inspector.inspect(
            file,
            name,
            new ItemSink() {
              @Override
              public void accept(Item item) {}

              @Override
              public void reached(long bytesRead) {
                reached.add(bytesRead);
              }
            });
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return reached;
  }
}
