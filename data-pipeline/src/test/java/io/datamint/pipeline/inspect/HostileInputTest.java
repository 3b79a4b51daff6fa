package io.datamint.pipeline.inspect;

import static io.datamint.pipeline.inspect.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every hostile fixture is rejected with the right code and a location a person can act on. */
class HostileInputTest {

  private static TikaInspector inspector;

  @BeforeAll
  static void loadTika() {
    inspector = new TikaInspector(InspectionLimits.defaults());
  }

  private static Set<String> tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @ParameterizedTest(name = "{0} as {1} -> {2} at ''{3}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "hostile/empty.csv          | empty.csv          | EMPTY_FILE                    | ",
        "hostile/image-named.csv    | data.csv           | CONTENT_CONTRADICTS_EXTENSION | ",
        "hostile/jpeg-named.png     | photo.png          | CONTENT_CONTRADICTS_EXTENSION | ",
        "good/people.csv            | people.png         | CONTENT_CONTRADICTS_EXTENSION | ",
        "hostile/sheet.xlsx         | sheet.xlsx         | UNSUPPORTED_FORMAT            | ",
        "hostile/ragged.csv         | ragged.csv         | MALFORMED_CSV                 | line 3",
        "hostile/bad-quote.csv      | bad-quote.csv      | MALFORMED_CSV                 | line 2",
        "hostile/unclosed-quote.csv | unclosed-quote.csv | MALFORMED_CSV                 | line 3",
        "hostile/latin1.csv         | latin1.csv         | WRONG_TEXT_ENCODING           | line 2",
        "hostile/utf16.csv          | utf16.csv          | WRONG_TEXT_ENCODING           | line 1",
        "hostile/invalid.jsonl      | invalid.jsonl      | MALFORMED_JSON                | line 3",
        "hostile/array-line.jsonl   | array-line.jsonl   | MALFORMED_JSON                | line 2",
        "hostile/not-array.json     | not-array.json     | MALFORMED_JSON                | line 1",
        "hostile/truncated.json     | truncated.json     | MALFORMED_JSON                | element 3",
        "hostile/scalar-element.json| scalar.json        | MALFORMED_JSON                | element 2",
        "hostile/truncated.zip      | truncated.zip      | CORRUPT_ARCHIVE               | ",
        "hostile/traversal.zip      | traversal.zip      | UNSAFE_ARCHIVE_ENTRY          | entry ../../evil.txt",
        "hostile/absolute.zip       | absolute.zip       | UNSAFE_ARCHIVE_ENTRY          | entry /etc/passwd",
        "hostile/mixed.zip          | mixed.zip          | UNSUPPORTED_FORMAT            | entry b.png",
        "hostile/nested.zip         | nested.zip         | UNSUPPORTED_FORMAT            | entry inner.zip",
        "hostile/latin1-entry.zip   | notes.zip          | WRONG_TEXT_ENCODING           | entry b.txt",
        "hostile/broken-image.zip   | pics.zip           | UNDECODABLE_IMAGE             | entry a/2.png",
        "hostile/truncated.png      | truncated.png      | UNDECODABLE_IMAGE             | truncated.png",
        "hostile/truncated.jpg      | truncated.jpg      | UNDECODABLE_IMAGE             | truncated.jpg",
        "hostile/garbage.png        | garbage.png        | UNDECODABLE_IMAGE             | garbage.png",
        "hostile/truncated.webp     | truncated.webp     | UNDECODABLE_IMAGE             | truncated.webp",
      })
  void hostileFileIsRejectedWithAPreciseReason(
      String fixture, String uploadName, RejectionCode code, String location) throws IOException {
    List<Item> items = new ArrayList<>();
    Set<String> tempBefore = tempFiles();
    Inspection result = inspector.inspect(fixture(fixture), uploadName, items::add);
    assertThat(tempFiles()).as("no temp file is left behind").isEqualTo(tempBefore);

    assertThat(result).isInstanceOf(Inspection.Rejected.class);
    RejectionReason reason = ((Inspection.Rejected) result).reason();
    assertThat(reason.code()).as(reason.toString()).isEqualTo(code);
    if (location != null) {
      assertThat(reason.location())
          .as(reason.toString())
          .hasValueSatisfying(l -> assertThat(l).startsWith(location));
    }
    assertThat(reason.describe())
        .as("messages are for people, not stack traces")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("io.datamint");
  }
}
