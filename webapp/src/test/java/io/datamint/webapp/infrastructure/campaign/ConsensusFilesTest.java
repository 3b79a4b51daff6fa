package io.datamint.webapp.infrastructure.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consensus files are checked by reading them back with the real inspector. */
class ConsensusFilesTest {

  @TempDir Path dir;

  private static final TikaInspector INSPECTOR = new TikaInspector(InspectionLimits.defaults());

  private record Inspected(Manifest manifest, List<Item> items) {}

  private static Inspected inspect(Path file) throws IOException {
    List<Item> items = new ArrayList<>();
    Inspection result = INSPECTOR.inspect(file, file.getFileName().toString(), items::add);
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return new Inspected(((Inspection.Accepted) result).manifest(), items);
  }

  private Path write(ContentFormat format, Path original, Map<String, ConsensusLabel> labels)
      throws IOException {
    String name = original.getFileName().toString();
    Path out = dir.resolve("labeled-" + name);
    try (InputStream in = Files.newInputStream(original);
        OutputStream o = Files.newOutputStream(out)) {
      ConsensusFiles.write(format, in, labels, o);
    }
    return out;
  }

  private static ConsensusLabel consensus(Item item, double confidence, String... labels) {
    return new ConsensusLabel(item.id(), item.locator(), List.of(labels), confidence);
  }

  @Test
  void aCsvGainsTwoColumnsOnTheRecordsTheInspectorFound() throws IOException {
    Path csv = dir.resolve("reviews.csv");
    Files.writeString(
        csv,
        "\uFEFFid;text\n"
            + "1;\"great; would buy\"\n"
            + "\n"
            + "2;\"broke after\na day\"\n"
            + "3;fine\n",
        StandardCharsets.UTF_8);
    List<Item> items = inspect(csv).items();
    // the inspector's count (commons-csv's: the blank line is not counted), whatever it is, is
    // what the locators say and what the writer must follow
    assertThat(items).hasSize(3);
    Map<String, ConsensusLabel> labels = new HashMap<>();
    labels.put(items.get(0).locator(), consensus(items.get(0), 0.9731, "good"));
    labels.put(items.get(1).locator(), consensus(items.get(1), 0.66, "bad"));
    // the third record reached no consensus

    Path out = write(ContentFormat.CSV, csv, labels);

    List<CSVRecord> records;
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(Files.newBufferedReader(out))
            .setFormat(CSVFormat.RFC4180.builder().setDelimiter(';').get())
            .get()) {
      records = parser.getRecords();
    }
    assertThat(records.get(0).toList())
        .containsExactly("id", "text", "consensus_label", "consensus_confidence");
    assertThat(records.get(1).toList()).containsExactly("1", "great; would buy", "good", "0.9731");
    assertThat(records.get(2).toList()).containsExactly("2", "broke after\na day", "bad", "0.6600");
    assertThat(records.get(3).toList()).containsExactly("3", "fine", "", "");
    Inspected again = inspect(out);
    assertThat(again.manifest().itemCount()).isEqualTo(3);
    assertThat(again.manifest().columns())
        .extracting(ColumnProfile::name)
        .contains("consensus_label", "consensus_confidence");
  }

  @Test
  void jsonLinesGainTheTwoFieldsAndMultiLabelsStayAList() throws IOException {
    Path jsonl = dir.resolve("posts.jsonl");
    Files.writeString(jsonl, "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n");
    List<Item> items = inspect(jsonl).items();
    Map<String, ConsensusLabel> labels =
        Map.of(
            items.get(0).locator(), consensus(items.get(0), 0.8, "news"),
            items.get(1).locator(), consensus(items.get(1), 0.55, "news", "sport"));

    Path out = write(ContentFormat.JSONL, jsonl, labels);

    List<String> lines = Files.readAllLines(out);
    ObjectMapper json = new ObjectMapper();
    assertThat(lines).hasSize(3);
    JsonNode a = json.readTree(lines.get(0));
    assertThat(a.get("consensus_label").asText()).isEqualTo("news");
    assertThat(a.get("consensus_confidence").asDouble()).isEqualTo(0.8);
    assertThat(json.readTree(lines.get(1)).get("consensus_label").toString())
        .isEqualTo("[\"news\",\"sport\"]");
    assertThat(json.readTree(lines.get(2)).has("consensus_label")).isFalse();
    assertThat(inspect(out).manifest().itemCount()).isEqualTo(3);
  }

  @Test
  void anArchiveIsRefolderedByConsensusSoTheInspectorReadsTheNewLabels() throws IOException {
    Path zip = dir.resolve("notes.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("inbox/1.txt", "inbox/2.txt", "old/1.txt", "old/2.txt")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(("note " + name).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    List<Item> items = inspect(zip).items();
    Map<String, ConsensusLabel> labels = new HashMap<>();
    labels.put(items.get(0).locator(), consensus(items.get(0), 0.9, "spam"));
    labels.put(items.get(1).locator(), consensus(items.get(1), 0.9, "ham"));
    labels.put(items.get(2).locator(), consensus(items.get(2), 0.9, "spam"));

    Path out = write(ContentFormat.ZIP_OF_TEXT, zip, labels);

    Manifest relabeled = inspect(out).manifest();
    assertThat(relabeled.itemCount()).isEqualTo(4);
    // 1.txt twice in spam/: the second becomes 2-1.txt; old/2.txt had no consensus
    assertThat(relabeled.labelDistribution())
        .containsEntry("spam", 2L)
        .containsEntry("ham", 1L)
        .containsEntry("unlabeled", 1L);
  }

  @Test
  void aJsonArrayGainsTheTwoFieldsPerElement() throws IOException {
    Path json = dir.resolve("posts.json");
    Files.writeString(json, "[\n  {\"text\": \"a\"},\n  {\"text\": \"b\"}\n]\n");
    List<Item> items = inspect(json).items();
    Map<String, ConsensusLabel> labels =
        Map.of(items.get(1).locator(), consensus(items.get(1), 0.75, "sport"));

    Path out = write(ContentFormat.JSON, json, labels);

    JsonNode array = new ObjectMapper().readTree(out.toFile());
    assertThat(array.get(0).has("consensus_label")).isFalse();
    assertThat(array.get(1).get("consensus_label").asText()).isEqualTo("sport");
    assertThat(array.get(1).get("consensus_confidence").asDouble()).isEqualTo(0.75);
    assertThat(inspect(out).manifest().itemCount()).isEqualTo(2);
  }

  @Test
  void formatsThatCannotCarryLabelsAreRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                ConsensusFiles.write(
                    ContentFormat.PNG,
                    new ByteArrayInputStream(new byte[] {1}),
                    Map.of(),
                    OutputStream.nullOutputStream()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("PNG");
  }
}
