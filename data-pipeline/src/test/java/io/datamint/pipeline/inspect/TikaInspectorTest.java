package io.datamint.pipeline.inspect;

import static io.datamint.pipeline.inspect.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.PersonalDataKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TikaInspectorTest {

  private static TikaInspector inspector;
  private final List<Item> items = new ArrayList<>();

  @BeforeAll
  static void loadTika() {
    inspector = new TikaInspector(InspectionLimits.defaults());
  }

  private Inspection.Accepted accept(String fixture, String name) throws IOException {
    Inspection result = inspector.inspect(fixture(fixture), name, items::add);
    assertThat(result).as(result.toString()).isInstanceOf(Inspection.Accepted.class);
    return (Inspection.Accepted) result;
  }

  private static Map<String, ColumnType> types(Manifest m) {
    return m.columns().stream()
        .collect(
            Collectors.toMap(
                ColumnProfile::name,
                ColumnProfile::type,
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  private static ColumnProfile column(Manifest m, String name) {
    return m.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void csvWithHeaderGivesSchemaStatisticsLabelsAndItems() throws IOException {
    Manifest m = accept("good/people.csv", "people.csv").manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.CSV);
    assertThat(m.itemCount()).isEqualTo(4);
    assertThat(m.charset()).isEqualTo("UTF-8");
    assertThat(types(m))
        .containsExactly(
            Map.entry("name", ColumnType.STRING),
            Map.entry("email", ColumnType.STRING),
            Map.entry("card", ColumnType.STRING),
            Map.entry("iban", ColumnType.STRING),
            Map.entry("phone", ColumnType.STRING),
            Map.entry("age", ColumnType.INTEGER),
            Map.entry("joined", ColumnType.DATE),
            Map.entry("label", ColumnType.STRING));
    assertThat(column(m, "email").missing()).isEqualTo(1);
    assertThat(column(m, "age").missing()).isEqualTo(1);
    assertThat(column(m, "label").distinct()).isEqualTo(3);
    assertThat(m.labelColumn()).isEqualTo("label");
    assertThat(m.labelDistribution())
        .containsExactly(
            Map.entry("positive", 2L), Map.entry("negative", 1L), Map.entry("neutral", 1L));
    assertThat(items).hasSize(4);
    assertThat(items.get(0).locator()).isEqualTo("line 2");
    assertThat(items.get(3).locator()).isEqualTo("line 5");
  }

  @Test
  void personalDataIsFlaggedWithCountsAndOnlyMaskedExamples() throws IOException {
    Inspection.Accepted a = accept("good/people.csv", "people.csv");
    Map<PersonalDataKind, PersonalDataFlag> flags =
        a.manifest().personalData().stream()
            .collect(Collectors.toMap(PersonalDataFlag::kind, f -> f));
    assertThat(flags)
        .containsOnlyKeys(
            PersonalDataKind.EMAIL_ADDRESS,
            PersonalDataKind.PAYMENT_CARD,
            PersonalDataKind.IBAN,
            PersonalDataKind.PHONE_NUMBER);
    assertThat(flags.get(PersonalDataKind.EMAIL_ADDRESS).occurrences()).isEqualTo(2);
    assertThat(flags.get(PersonalDataKind.EMAIL_ADDRESS).maskedExamples())
        .containsExactly("a***@e***.com", "a***@e***.org");
    assertThat(flags.get(PersonalDataKind.PAYMENT_CARD).maskedExamples())
        .containsExactly("**** **** **** 1111");
    assertThat(flags.get(PersonalDataKind.IBAN).maskedExamples())
        .containsExactly("DE** **** **** **** **30 00");
    assertThat(flags.get(PersonalDataKind.PHONE_NUMBER).maskedExamples())
        .containsExactly("+** ** **** **58");

    String preview = new String(a.preview().bytes(), StandardCharsets.UTF_8);
    assertThat(preview)
        .doesNotContain("ada@example.com")
        .doesNotContain("4111 1111 1111 1111")
        .doesNotContain("0532 0130")
        .doesNotContain("7946 0958")
        .contains("Ada Lovelace");
  }

  @Test
  void quotedFieldsWithDelimitersAndQuotesAreOneValue() throws IOException {
    Inspection.Accepted a = accept("good/people.csv", "people.csv");
    JsonNode preview = new ObjectMapper().readTree(a.preview().bytes());
    assertThat(preview.get("kind").asText()).isEqualTo("records");
    JsonNode last = preview.get("items").get(3);
    assertThat(last.get("name").asText()).isEqualTo("Hopper, Grace");
    assertThat(last.get("email").asText()).isEqualTo("grace said \"hi\"");
    assertThat(last.get("_id").asText()).isEqualTo(items.get(3).id().value());
  }

  @Test
  void delimiterIsDetected() throws IOException {
    Manifest m = accept("good/semicolon.csv", "cities.csv").manifest();
    assertThat(types(m))
        .containsExactly(
            Map.entry("id", ColumnType.INTEGER),
            Map.entry("city", ColumnType.STRING),
            Map.entry("temp", ColumnType.DECIMAL));
    assertThat(m.itemCount()).isEqualTo(3);
  }

  @Test
  void csvWithoutHeaderGetsGeneratedColumnNamesAndKeepsTheFirstRow() throws IOException {
    Manifest m = accept("good/noheader.csv", "numbers.csv").manifest();
    assertThat(types(m))
        .containsExactly(
            Map.entry("column_1", ColumnType.INTEGER),
            Map.entry("column_2", ColumnType.DECIMAL),
            Map.entry("column_3", ColumnType.BOOLEAN));
    assertThat(m.itemCount()).isEqualTo(3);
  }

  @Test
  void tsvKeepsCommasInsideFields() throws IOException {
    Manifest m = accept("good/weather.tsv", "weather.tsv").manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.TSV);
    assertThat(m.columns()).extracting(ColumnProfile::name).containsExactly("city", "temp", "note");
    assertThat(m.itemCount()).isEqualTo(2);
  }

  @Test
  void jsonLinesSkipBlankLinesAndTypeValuesTheJsonWay() throws IOException {
    Manifest m = accept("good/reviews.jsonl", "reviews.jsonl").manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.JSONL);
    assertThat(m.itemCount()).isEqualTo(3);
    assertThat(types(m))
        .containsEntry("text", ColumnType.STRING)
        .containsEntry("stars", ColumnType.DECIMAL)
        .containsEntry("meta", ColumnType.NESTED)
        .containsEntry("extra", ColumnType.EMPTY);
    assertThat(column(m, "meta").missing()).isEqualTo(2);
    assertThat(m.labelDistribution()).containsOnlyKeys("pos", "neg", "neu");
    assertThat(m.personalData())
        .extracting(PersonalDataFlag::kind)
        .containsExactly(PersonalDataKind.PHONE_NUMBER);
    assertThat(items).extracting(Item::locator).containsExactly("line 1", "line 3", "line 4");
    // byte offsets point at the exact line
    assertThat(items.get(1).byteOffset()).isEqualTo(50);
  }

  @Test
  void jsonArrayIsReadElementByElement() throws IOException {
    Manifest m = accept("good/reviews.json", "reviews.json").manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.JSON);
    assertThat(m.itemCount()).isEqualTo(2);
    assertThat(types(m)).containsEntry("when", ColumnType.TIMESTAMP);
    assertThat(column(m, "when").missing()).isEqualTo(1);
  }

  @Test
  void pngAndJpegGiveTheirSizeAndAThumbnail() throws IOException {
    for (String f : List.of("good/cat.png", "good/cat.jpg")) {
      Inspection.Accepted a = accept(f, f.substring(5));
      assertThat(a.manifest().imageStatistics())
          .hasValueSatisfying(
              s -> {
                assertThat(s.minWidth()).isEqualTo(40);
                assertThat(s.minHeight()).isEqualTo(30);
              });
      assertThat(new String(a.preview().bytes(), StandardCharsets.UTF_8))
          .contains("data:image/png;base64,");
    }
  }

  @Test
  void gpsPositionInExifIsFlaggedAsPersonalDataAndNotCopiedToThePreview() throws IOException {
    Inspection.Accepted a = accept("good/geotagged.jpg", "holiday.jpg");
    assertThat(a.manifest().personalData())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(PersonalDataKind.GEOLOCATION);
              assertThat(f.maskedExamples()).containsExactly("GPS ~48°N ~12°E");
            });
    // the thumbnail is re-encoded: no EXIF block survives into the public preview
    String preview = new String(a.preview().bytes(), StandardCharsets.UTF_8);
    String b64 =
        preview.substring(
            preview.indexOf("base64,") + 7, preview.indexOf('"', preview.indexOf("base64,")));
    assertThat(new String(java.util.Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif");
  }

  @Test
  void imagesWithoutExifRaiseNoFlag() throws IOException {
    assertThat(accept("good/cat.jpg", "cat.jpg").manifest().personalData()).isEmpty();
  }

  @Test
  void webpSizeIsReadFromLossyAndLosslessHeaders() throws IOException {
    for (String f : List.of("good/dot.webp", "good/dot-lossy.webp")) {
      Manifest m = accept(f, "dot.webp").manifest();
      assertThat(m.format()).isEqualTo(ContentFormat.WEBP);
      assertThat(m.imageStatistics())
          .hasValueSatisfying(s -> assertThat(s.maxWidth()).isEqualTo(1));
    }
  }

  @Test
  void zipOfImagesInClassFoldersGivesLabelsAndSkipsJunk() throws IOException {
    Inspection.Accepted a = accept("good/pets.zip", "pets.zip");
    Manifest m = a.manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.ZIP_OF_IMAGES);
    assertThat(m.itemCount()).isEqualTo(3);
    assertThat(m.labelDistribution()).containsExactly(Map.entry("cats", 2L), Map.entry("dogs", 1L));
    assertThat(m.imageStatistics()).hasValueSatisfying(s -> assertThat(s.count()).isEqualTo(3));
    assertThat(items)
        .extracting(Item::locator)
        .containsExactly("entry cats/1.png", "entry cats/2.jpg", "entry dogs/1.webp");
    assertThat(new ObjectMapper().readTree(a.preview().bytes()).get("kind").asText())
        .isEqualTo("images");
  }

  @Test
  void zipOfTextFilesIsScannedForPersonalData() throws IOException {
    Manifest m = accept("good/notes.zip", "notes.zip").manifest();
    assertThat(m.format()).isEqualTo(ContentFormat.ZIP_OF_TEXT);
    assertThat(m.itemCount()).isEqualTo(2);
    assertThat(m.personalData())
        .extracting(PersonalDataFlag::kind)
        .containsExactly(PersonalDataKind.EMAIL_ADDRESS);
  }

  @Test
  void sameBytesGiveTheSameItemIdsAndContentHash() throws IOException {
    Manifest first = accept("good/people.csv", "people.csv").manifest();
    List<Item> firstItems = new ArrayList<>(items);
    items.clear();
    Manifest second = accept("good/people.csv", "renamed.csv").manifest();
    assertThat(second.contentHash()).isEqualTo(first.contentHash());
    assertThat(items).isEqualTo(firstItems);
    assertThat(items).extracting(i -> i.id().value()).doesNotHaveDuplicates();
  }
}
