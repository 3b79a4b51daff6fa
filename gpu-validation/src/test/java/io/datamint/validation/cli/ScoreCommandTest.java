package io.datamint.validation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int score(String... args) {
    return ScoreCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String agreeingCrowd() {
    StringBuilder csv = new StringBuilder("item_id,worker_id,label\n");
    for (int i = 0; i < 6; i++) {
      String truth = i % 2 == 0 ? "yes" : "no";
      csv.append("i").append(i).append(",good1,").append(truth).append('\n');
      csv.append("i").append(i).append(",good2,").append(truth).append('\n');
      csv.append("i").append(i).append(",contrarian,").append(truth.equals("yes") ? "no" : "yes");
      csv.append('\n');
    }
    return csv.toString();
  }

  @Test
  void writesItemsAnnotationsAndWorkers() throws IOException {
    Path annotations = file("a.csv", agreeingCrowd());
    Path outDir = dir.resolve("out");

    int code = score("--annotations", annotations.toString(), "--out", outDir.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> items = Files.readAllLines(outDir.resolve("items.csv"));
    assertThat(items.get(0)).isEqualTo("item_id,consensus_label,confidence");
    assertThat(items)
        .hasSize(7)
        .anyMatch(l -> l.startsWith("i0,yes,"))
        .anyMatch(l -> l.startsWith("i1,no,"));
    List<String> labels = Files.readAllLines(outDir.resolve("annotations.csv"));
    assertThat(labels.get(0)).isEqualTo("item_id,worker_id,label,quality");
    assertThat(labels).hasSize(19);
    List<String> workers = Files.readAllLines(outDir.resolve("workers.csv"));
    assertThat(workers.get(0)).isEqualTo("worker_id,reliability,labels");
    double good = reliability(workers, "good1");
    double contrarian = reliability(workers, "contrarian");
    assertThat(good).isGreaterThan(contrarian);
    assertThat(workers).anyMatch(l -> l.startsWith("good1,") && l.endsWith(",6"));
  }

  @Test
  void goldAnswersAreHonoured() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\nx,w1,cat\nx,w2,cat\ny,w1,dog\n");
    Path gold = file("g.csv", "item_id,label\nx,dog\n");
    Path outDir = dir.resolve("out");

    int code =
        score(
            "--annotations",
            annotations.toString(),
            "--gold",
            gold.toString(),
            "--out",
            outDir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(outDir.resolve("items.csv"))).contains("x,dog,1.000000");
    assertThat(Files.readAllLines(outDir.resolve("annotations.csv"))).contains("x,w1,cat,0.000000");
  }

  @Test
  void missingColumnStopsAtLineOne() throws IOException {
    Path annotations = file("a.csv", "item_id,annotator,label\ni1,w1,yes\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 1").contains("missing column(s) worker_id");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void missingTextColumnIsReportedLikeAnyOther() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\ni1,w1,yes\n");

    int code =
        score(
            "--annotations",
            annotations.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--text-column",
            "text");

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 1").contains("missing column(s) text");
  }

  @Test
  void emptyFileStopsAtLineOne() throws IOException {
    Path annotations = file("a.csv", "");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 1").contains("empty file");
  }

  @Test
  void headerWithoutRowsIsAnError() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 2").contains("no rows");
  }

  @Test
  void rowWithTooFewFieldsNamesItsLine() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\ni1,w1,yes\ni2,w1\ni3,w1,no\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 3").contains("2 fields, the header has 3");
  }

  @Test
  void lineNumbersCountTheLinesInsideQuotedFields() throws IOException {
    Path annotations =
        file("a.csv", "item_id,worker_id,label,text\ni1,w1,yes,\"two\nlines\"\ni2,w1,,plain\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 4").contains("empty label");
  }

  @Test
  void unterminatedQuoteIsMalformed() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\ni1,w1,yes\ni2,w1,\"no\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 3").contains("malformed CSV");
  }

  @Test
  void aSecondLabelBySameWorkerOnSameItemIsRejected() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\ni1,w1,yes\ni2,w1,no\ni1,w1,no\n");

    int code = score("--annotations", annotations.toString(), "--out", dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("line 4").contains("already labeled item i1 on line 2");
  }

  @Test
  void badGoldFileNamesItsLine() throws IOException {
    Path annotations = file("a.csv", "item_id,worker_id,label\ni1,w1,yes\n");
    Path gold = file("g.csv", "item_id,label\ni1,yes\ni1,no\n");

    int code =
        score(
            "--annotations",
            annotations.toString(),
            "--gold",
            gold.toString(),
            "--out",
            dir.resolve("o").toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("g.csv: line 3").contains("two gold labels");
  }

  @Test
  void missingRequiredOptionIsAnInputError() {
    int code = score("--out", dir.toString());

    assertThat(code).isEqualTo(ScoreCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).contains("--annotations");
  }

  private static double reliability(List<String> workers, String name) {
    return workers.stream()
        .filter(l -> l.startsWith(name + ","))
        .map(l -> Double.parseDouble(l.split(",")[1]))
        .findFirst()
        .orElseThrow();
  }
}
