package io.datamint.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CSV record's item knows the byte offset where the record starts in the file. */
class CsvRecordOffsetsTest {

  @TempDir Path dir;

  private List<Item> inspect(Path file) throws IOException {
    List<Item> items = new ArrayList<>();
    Inspection result =
        new TikaInspector(InspectionLimits.defaults())
            .inspect(file, file.getFileName().toString(), items::add);
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return items;
  }

  /** The first record parsed from the item's offset, as a labeling task will parse it. */
  private static List<String> recordAt(byte[] file, Item item) throws IOException {
    int from = (int) item.byteOffset();
    String rest = new String(file, from, file.length - from, StandardCharsets.UTF_8);
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(rest)).setFormat(format).get()) {
      return parser.iterator().next().toList();
    }
  }

  @Test
  void offsetsCountBytesThroughMultibyteTextQuotedLineBreaksBlankLinesAndCrLf() throws IOException {
    String text =
        "\uFEFFname,comment\r\n"
            + "Zoë,\"très bien 😀\"\r\n"
            + "\r\n"
            + "Ana,\"two\r\nlines, one record\"\r\n"
            + "Bo,\"said \"\"hi\"\"\"\r\n"
            + "Çelik,last\r\n";
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    byte[] file = Files.readAllBytes(csv);

    List<Item> items = inspect(csv);

    assertThat(items).hasSize(4);
    assertThat(items).allSatisfy(i -> assertThat(i.byteOffset()).isNotNegative());
    // a record's offset is where its parsing starts: blank lines before it may come first
    assertThat(recordAt(file, items.get(0))).containsExactly("Zoë", "très bien 😀");
    assertThat(recordAt(file, items.get(1))).containsExactly("Ana", "two\r\nlines, one record");
    assertThat(recordAt(file, items.get(2))).containsExactly("Bo", "said \"hi\"");
    assertThat(recordAt(file, items.get(3))).containsExactly("Çelik", "last");
    assertThat(items.get(0).byteOffset()).isEqualTo(3 + "name,comment\r\n".length());
  }

  @Test
  void aFileWithoutHeaderStartsItsFirstItemAtByteZero() throws IOException {
    Path csv = dir.resolve("numbers.csv");
    Files.writeString(csv, "1,2\n3,4\n", StandardCharsets.UTF_8);

    List<Item> items = inspect(csv);

    assertThat(items).extracting(Item::byteOffset).containsExactly(0L, 4L);
  }
}
