package io.datamint.validation.cli;

import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.embedding.CachingEmbedder;
import io.datamint.validation.embedding.Embedder;
import io.datamint.validation.embedding.FileEmbeddingStore;
import io.datamint.validation.embedding.OnnxEmbedder;
import io.datamint.validation.inference.TruthInference;
import io.datamint.validation.scoring.BatchScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code score --annotations FILE.csv --out DIR [--gold GOLD.csv] [--text-column text]}. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores crowd labels: a quality per label, a consensus per item, a reliability per worker.",
      "Writes DIR/items.csv, DIR/annotations.csv and DIR/workers.csv."
    },
    exitCodeOnInvalidInput = ScoreCommand.EXIT_INPUT_ERROR)
public final class ScoreCommand implements Callable<Integer> {

  /** Exit code for bad input files or arguments. */
  public static final int EXIT_INPUT_ERROR = 2;

  @Option(
      names = "--annotations",
      required = true,
      paramLabel = "FILE.csv",
      description = "item_id,worker_id,label (+ optional text columns)")
  Path annotations;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--gold", paramLabel = "GOLD.csv", description = "item_id,label of known items")
  Path gold;

  @Option(
      names = "--text-column",
      paramLabel = "NAME",
      description = "column with the item text; embeddings are used when given")
  String textColumn;

  @Option(
      names = "--pair-column",
      paramLabel = "NAME",
      description = "column with a second text read with the first (e.g. hypothesis)")
  String pairColumn;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description = "accept a label when its quality reaches this (default ${DEFAULT-VALUE})")
  double threshold;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description =
          "embedding cache file (default ~/.datamint/cache/embeddings-all-minilm-l6-v2.bin)")
  Path cache;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code (for tests: no System.exit). */
  public static int run(String... args) {
    return new CommandLine(new ScoreCommand()).execute(args);
  }

  /** Runs the command with its output and errors going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new ScoreCommand());
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (pairColumn != null && textColumn == null) {
      err.println("error: --pair-column needs --text-column");
      return EXIT_INPUT_ERROR;
    }
    if (!(threshold > 0 && threshold < 1)) {
      err.println("error: --threshold must lie strictly between 0 and 1");
      return EXIT_INPUT_ERROR;
    }
    AnnotationCsv.Annotations input;
    Map<String, String> goldAnswers = Map.of();
    try {
      input = AnnotationCsv.readAnnotations(annotations, textColumn, pairColumn);
      if (gold != null) {
        goldAnswers = AnnotationCsv.readGold(gold);
      }
    } catch (CsvInputException e) {
      err.println("error: " + e.getMessage());
      return EXIT_INPUT_ERROR;
    }
    ValidationBatch batch =
        new ValidationBatch(
            annotations.getFileName().toString(),
            input.annotations(),
            input.items(),
            goldAnswers,
            threshold);
    ValidationResult result;
    if (input.items().isEmpty()) {
      result = new BatchScorer(new TruthInference(), Optional.empty()).score(batch);
    } else {
      try (Embedder embedder =
          new CachingEmbedder(
              OnnxEmbedder.open(OnnxEmbedder.Settings.fromEnvironment()),
              new FileEmbeddingStore(cacheFile()),
              100_000)) {
        result = new BatchScorer(new TruthInference(), Optional.of(embedder)).score(batch);
      }
    }
    write(result);
    long accepted = result.labels().stream().filter(LabelScore::accepted).count();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "scored %d labels on %d items by %d workers: %d accepted; wrote %s%n",
            result.labels().size(),
            result.items().size(),
            result.labelers().size(),
            accepted,
            out);
    return 0;
  }

  private Path cacheFile() {
    if (cache != null) {
      return cache;
    }
    String home = System.getenv("DATAMINT_HOME");
    Path base =
        home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".datamint");
    return base.resolve("cache").resolve("embeddings-all-minilm-l6-v2.bin");
  }

  private void write(ValidationResult result) throws IOException {
    Files.createDirectories(out);
    try (Writer w = writer("items.csv")) {
      ResultCsv.writeItems(w, result.items());
    }
    try (Writer w = writer("annotations.csv")) {
      ResultCsv.writeAnnotations(w, result.labels());
    }
    try (Writer w = writer("workers.csv")) {
      ResultCsv.writeWorkers(w, result.labelers());
    }
  }

  private Writer writer(String name) throws IOException {
    return Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8);
  }
}
