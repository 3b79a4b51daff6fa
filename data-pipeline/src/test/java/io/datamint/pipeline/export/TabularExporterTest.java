package io.datamint.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TabularExporterTest {

  private static TikaInspector inspector;
  private final TabularExporter exporter = new TabularExporter(new ObjectMapper());

  @BeforeAll
  static void loadTika() {
    inspector = new TikaInspector(InspectionLimits.defaults());
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TabularExporterTest.class.getResource("/fixtures/" + name).toURI());
  }

  private String export(String fixture, String name, ExportFormat target, boolean labels)
      throws Exception {
    Path file = fixture(fixture);
    Manifest m =
        ((Inspection.Accepted) inspector.inspect(file, name, ItemSink.discard())).manifest();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(file)) {
      exporter.export(in, m, target, out, labels ? ordinal -> "L" + ordinal : null);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvBecomesJsonLinesWithSchemaNamesAndLabels() throws Exception {
    String jsonl = export("good/semicolon.csv", "cities.csv", ExportFormat.JSONL, true);
    assertThat(jsonl.split("\n"))
        .containsExactly(
            "{\"id\":\"1\",\"city\":\"Berlin\",\"temp\":\"3.5\",\"_label\":\"L0\"}",
            "{\"id\":\"2\",\"city\":\"Paris\",\"temp\":\"7\",\"_label\":\"L1\"}",
            "{\"id\":\"3\",\"city\":\"Rome\",\"temp\":\"12.25\",\"_label\":\"L2\"}");
  }

  @Test
  void csvWithoutHeaderKeepsItsFirstRow() throws Exception {
    String jsonl = export("good/noheader.csv", "numbers.csv", ExportFormat.JSONL, false);
    assertThat(jsonl).startsWith("{\"column_1\":\"1\",\"column_2\":\"2.5\",\"column_3\":\"true\"}");
    assertThat(jsonl.split("\n")).hasSize(3);
  }

  @Test
  void jsonLinesBecomeCsvWithNestedValuesAsJsonAndGapsEmpty() throws Exception {
    String csv = export("good/reviews.jsonl", "reviews.jsonl", ExportFormat.CSV, false);
    assertThat(csv.split("\n"))
        .containsExactly(
            "text,label,stars,meta,extra",
            "great product,pos,5,,",
            "call me at +1 415-555-2671,neg,1,\"{\"\"a\"\":1}\",",
            "meh,neu,3.5,,");
  }

  @Test
  void jsonArrayAndQuotedCsvRoundTrip() throws Exception {
    assertThat(export("good/reviews.json", "reviews.json", ExportFormat.CSV, false).split("\n"))
        .containsExactly("text,label,when", "great,pos,", "bad,neg,2024-01-01T10:00:00Z");
    String csv = export("good/people.csv", "people.csv", ExportFormat.CSV, false);
    assertThat(csv).contains("\"Hopper, Grace\",\"grace said \"\"hi\"\"\"");
  }

  @Test
  void imagesAreNotExported() throws Exception {
    Path file = fixture("good/pets.zip");
    Manifest m =
        ((Inspection.Accepted) inspector.inspect(file, "pets.zip", ItemSink.discard())).manifest();
    assertThatThrownBy(
            () ->
                exporter.export(
                    InputStream.nullInputStream(),
                    m,
                    ExportFormat.CSV,
                    new ByteArrayOutputStream(),
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
