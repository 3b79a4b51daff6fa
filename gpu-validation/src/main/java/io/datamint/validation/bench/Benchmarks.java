package io.datamint.validation.bench;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.validation.embedding.OnnxEmbedder;
import io.datamint.validation.inference.Crowd;
import io.datamint.validation.inference.InferenceResult;
import io.datamint.validation.inference.MajorityVote;
import io.datamint.validation.inference.TruthInference;
import io.datamint.validation.scoring.BatchScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Prints (and writes to {@code OUT/results.md}) the numbers of docs/benchmarks.md. Arguments:
 * {@code --rte FILE} (the standardized RTE crowd), {@code --out DIR}, and optionally {@code
 * --skip-rte}, {@code --skip-simulation}, {@code --skip-throughput}, {@code --skip-scale} (or
 * {@code --skip rte,scale}).
 */
public final class Benchmarks {

  private final StringBuilder report = new StringBuilder();

  public static void main(String[] args) throws Exception {
    Path rte = null;
    Path out = Path.of("target/bench");
    List<String> flags = new ArrayList<>();
    for (int a = 0; a < args.length; a++) {
      switch (args[a]) {
        case "--rte" -> rte = Path.of(args[++a]);
        case "--out" -> out = Path.of(args[++a]);
        case "--skip" -> {
          for (String part : args[++a].split(",")) {
            if (!part.isBlank()) {
              flags.add("--skip-" + part.trim());
            }
          }
        }
        default -> flags.add(args[a]);
      }
    }
    Benchmarks b = new Benchmarks();
    b.line(
        "Machine: %d cores, Java %s, %s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.arch"));
    if (!flags.contains("--skip-rte")) {
      if (rte == null || !Files.exists(rte)) {
        throw new IllegalArgumentException("RTE crowd not found: " + rte + " (use --rte FILE)");
      }
      b.rteQuality(rte);
    }
    if (!flags.contains("--skip-simulation")) {
      b.simulation();
    }
    if (!flags.contains("--skip-throughput")) {
      b.embedderThroughput(rte);
    }
    if (!flags.contains("--skip-scale")) {
      b.scale();
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), b.report);
    System.out.println("written to " + out.resolve("results.md"));
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    report.append(s).append('\n');
  }

  // ---------------------------------------------------------------- quality on RTE

  private void rteQuality(Path file) throws IOException {
    RteCrowd rte = RteCrowd.read(file);
    Crowd crowd = crowd(rte.annotations(), Map.of());
    int[] truth = truth(crowd, rte.gold());
    line("");
    line(
        "## RTE crowd: %d items, %d labelers, %d labels",
        crowd.itemCount(), crowd.labelerCount(), crowd.annotationCount());
    double[][] features;
    long t0 = System.nanoTime();
    try (OnnxEmbedder embedder = OnnxEmbedder.open(OnnxEmbedder.Settings.defaults())) {
      features = BatchScorer.features(embedder, crowd, rte.items());
    }
    line(
        "embedding %d premises and %d hypotheses, model load included: %.1f s",
        crowd.itemCount(), crowd.itemCount(), (System.nanoTime() - t0) / 1e9);

    line("");
    line("### No gold given to the methods (all 800 gold answers used only to evaluate)");
    table(crowd, truth, features, null);

    // A realistic campaign has some gold: give 10% of the items, evaluate on the other 90%.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < crowd.itemCount(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(2008));
    boolean[] isGold = new boolean[crowd.itemCount()];
    Map<String, String> gold = new HashMap<>();
    for (int r = 0; r < crowd.itemCount() / 10; r++) {
      int i = order.get(r);
      isGold[i] = true;
      gold.put(crowd.itemKey(i), rte.gold().get(crowd.itemKey(i)));
    }
    Crowd withGold = crowd(rte.annotations(), gold);
    // Same items in the same order: the builder numbers items by first appearance.
    int[] evalTruth = truth(withGold, rte.gold());
    for (int i = 0; i < withGold.itemCount(); i++) {
      if (gold.containsKey(withGold.itemKey(i))) {
        evalTruth[i] = -1;
      }
    }
    line("");
    line(
        "### %d gold items (10%%, seed 2008) given to the methods, evaluated on the other %d",
        gold.size(), withGold.itemCount() - gold.size());
    table(withGold, evalTruth, features, isGold);
  }

  private void table(Crowd crowd, int[] truth, double[][] features, boolean[] ignored) {
    line("");
    line("| method | consensus accuracy | AUROC label quality | AUROC item confidence |");
    line("|---|---|---|---|");
    double[][] shares = MajorityVote.voteShares(crowd);
    row("majority vote, ties to the first class", tiesToFirst(shares, truth), crowd, truth, shares);
    row(
        "majority vote, ties split",
        MajorityVote.expectedAccuracy(crowd, truth),
        crowd,
        truth,
        shares);
    row(
        "Dawid–Skene (plain, our code)",
        crowd,
        truth,
        new TruthInference(TruthInference.Options.plainDawidSkene()).infer(crowd));
    TruthInference ours = new TruthInference();
    row("ours, agreement only (EB shrinkage)", crowd, truth, ours.infer(crowd));
    long t = System.nanoTime();
    InferenceResult full = ours.infer(crowd, features);
    row(
        String.format(
            Locale.ROOT,
            "ours + embeddings (%.1f s)%s",
            (System.nanoTime() - t) / 1e9,
            full.usedEmbeddingPrior() ? "" : " [embeddings not used]"),
        crowd,
        truth,
        full);
  }

  private void row(String name, Crowd crowd, int[] truth, InferenceResult r) {
    double[][] p = new double[crowd.itemCount()][crowd.classCount()];
    for (int i = 0; i < p.length; i++) {
      for (int k = 0; k < p[i].length; k++) {
        p[i][k] = r.posterior(i, k);
      }
    }
    int correct = 0;
    int counted = 0;
    for (int i = 0; i < p.length; i++) {
      if (truth[i] >= 0) {
        counted++;
        correct += r.consensus(i) == truth[i] ? 1 : 0;
      }
    }
    row(name, (double) correct / counted, crowd, truth, p);
  }

  private void row(String name, double accuracy, Crowd crowd, int[] truth, double[][] posterior) {
    List<Double> labelScores = new ArrayList<>();
    List<Boolean> labelRight = new ArrayList<>();
    for (int a = 0; a < crowd.annotationCount(); a++) {
      int i = crowd.item(a);
      if (truth[i] >= 0) {
        labelScores.add(posterior[i][crowd.label(a)]);
        labelRight.add(crowd.label(a) == truth[i]);
      }
    }
    List<Double> itemScores = new ArrayList<>();
    List<Boolean> itemRight = new ArrayList<>();
    for (int i = 0; i < posterior.length; i++) {
      if (truth[i] >= 0) {
        int best = 0;
        for (int k = 1; k < posterior[i].length; k++) {
          if (posterior[i][k] > posterior[i][best]) {
            best = k;
          }
        }
        itemScores.add(posterior[i][best]);
        itemRight.add(best == truth[i]);
      }
    }
    line(
        "| %s | %.4f | %.4f | %.4f |",
        name,
        accuracy,
        Metrics.auroc(toArray(labelScores), toBool(labelRight)),
        Metrics.auroc(toArray(itemScores), toBool(itemRight)));
  }

  // ---------------------------------------------------------------- simulated crowds

  private void simulation() {
    int seeds = 10;
    line("");
    line("## Simulated crowds (agreement only, mean consensus accuracy over %d seeds)", seeds);
    line("");
    line("| crowd | majority vote (ties split) | Dawid–Skene (plain) | ours |");
    line("|---|---|---|---|");
    for (CrowdSimulation.Shape shape : CrowdSimulation.SHAPES) {
      double[] r = CrowdSimulation.compare(shape, seeds);
      line("| %s | %.4f | %.4f | %.4f |", shape.name(), r[0], r[1], r[2]);
    }
  }

  // ---------------------------------------------------------------- embedder throughput

  private void embedderThroughput(Path rte) throws IOException {
    List<String> texts = new ArrayList<>();
    if (rte != null && Files.exists(rte)) {
      LinkedHashSet<String> unique = new LinkedHashSet<>();
      for (ItemContent c : RteCrowd.read(rte).items().values()) {
        unique.add(c.text());
        unique.add(c.secondText());
      }
      texts.addAll(unique);
    } else {
      SyntheticCrowd.generate(1024, 1, 1, 1).items().values().forEach(c -> texts.add(c.text()));
    }
    int n = Math.min(1024, texts.size());
    List<String> sample = texts.subList(0, n);
    line("");
    line("## Embedder throughput (%d distinct RTE sentences, all-MiniLM-L6-v2)", n);
    line("");
    // The machine may be shared: CPU seconds of this process say what the embedder costs whatever
    // else runs, wall time what it delivered; the load average tells how busy the machine was.
    line(
        "| batch size | device | sentences/s (wall, best of 2) | sentences per CPU-second | load |");
    line("|---|---|---|---|---|");
    for (int batch : new int[] {1, 8, 16, 32, 64, 128}) {
      OnnxEmbedder.Settings settings = OnnxEmbedder.Settings.fromEnvironment().withBatchSize(batch);
      try (OnnxEmbedder embedder = OnnxEmbedder.open(settings)) {
        embedder.embed(sample.subList(0, Math.min(64, n))); // warm-up
        double load = loadAverage();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
          long cpu = processCpuNanos();
          long t = System.nanoTime();
          embedder.embed(sample);
          bestWall = Math.min(bestWall, (System.nanoTime() - t) / 1e9);
          bestCpu = Math.min(bestCpu, (processCpuNanos() - cpu) / 1e9);
        }
        line(
            "| %d | %s | %.0f | %.0f | %.1f |",
            batch, embedder.executionProvider(), n / bestWall, n / bestCpu, load);
      }
    }
  }

  // ---------------------------------------------------------------- scale

  private void scale() {
    SyntheticCrowd synthetic = SyntheticCrowd.generate(20_000, 5, 500, 42);
    line("");
    line("## Scoring 100,000 labels (synthetic: 20,000 items x 5 labels, 500 labelers, 3 classes)");
    line("");
    line("| path | wall time | CPU time | load | consensus accuracy vs planted truth |");
    line("|---|---|---|---|---|");
    ValidationBatch agreementOnly =
        new ValidationBatch("synthetic-no-text", synthetic.annotations(), Map.of(), Map.of(), 0.5);
    scaleRow(
        "agreement only (no text)",
        new BatchScorer(new TruthInference(), Optional.empty()),
        agreementOnly,
        synthetic);
    // With text, the two stages are timed apart: the embedder dominates and is what a GPU speeds
    // up.
    Crowd crowd = crowd(synthetic.annotations(), Map.of());
    try (OnnxEmbedder embedder = OnnxEmbedder.open(OnnxEmbedder.Settings.fromEnvironment())) {
      double load = loadAverage();
      long cpu = processCpuNanos();
      long t = System.nanoTime();
      double[][] features = BatchScorer.features(embedder, crowd, synthetic.items());
      double embedSeconds = (System.nanoTime() - t) / 1e9;
      double embedCpu = (processCpuNanos() - cpu) / 1e9;
      line(
          "| with text, stage 1: embed 20,000 texts (%s, batch %d) | %.1f s | %.1f s | %.1f | |",
          embedder.executionProvider(),
          embedder.settings().batchSize(),
          embedSeconds,
          embedCpu,
          load);
      load = loadAverage();
      cpu = processCpuNanos();
      t = System.nanoTime();
      InferenceResult r = new TruthInference().infer(crowd, features);
      double inferSeconds = (System.nanoTime() - t) / 1e9;
      double inferCpu = (processCpuNanos() - cpu) / 1e9;
      int right = 0;
      for (int i = 0; i < crowd.itemCount(); i++) {
        right +=
            crowd.className(r.consensus(i)).equals(synthetic.truth().get(crowd.itemKey(i))) ? 1 : 0;
      }
      line(
          "| with text, stage 2: inference with the embedding annotator%s | %.1f s | %.1f s | %.1f | %.4f |",
          r.usedEmbeddingPrior() ? "" : " [not used]",
          inferSeconds,
          inferCpu,
          load,
          (double) right / crowd.itemCount());
    }
  }

  private void scaleRow(
      String name, BatchScorer scorer, ValidationBatch batch, SyntheticCrowd synthetic) {
    double load = loadAverage();
    long cpu = processCpuNanos();
    long t = System.nanoTime();
    var result = scorer.score(batch);
    double seconds = (System.nanoTime() - t) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
    long right =
        result.items().stream()
            .filter(c -> c.consensusLabel().equals(synthetic.truth().get(c.itemKey())))
            .count();
    line(
        "| %s | %.1f s | %.1f s | %.1f | %.4f |",
        name, seconds, cpuSeconds, load, (double) right / result.items().size());
  }

  // ---------------------------------------------------------------- helpers

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Crowd crowd(List<Annotation> annotations, Map<String, String> gold) {
    Crowd.Builder b = Crowd.builder();
    annotations.forEach(a -> b.annotation(a.itemKey(), a.labelerKey(), a.label()));
    gold.forEach(b::gold);
    return b.build();
  }

  private static int[] truth(Crowd crowd, Map<String, String> gold) {
    int[] truth = new int[crowd.itemCount()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = crowd.classNames().indexOf(gold.get(crowd.itemKey(i)));
    }
    return truth;
  }

  private static double tiesToFirst(double[][] shares, int[] truth) {
    int right = 0;
    int counted = 0;
    for (int i = 0; i < shares.length; i++) {
      if (truth[i] >= 0) {
        int best = 0;
        for (int k = 1; k < shares[i].length; k++) {
          if (shares[i][k] > shares[i][best] + 1e-12) {
            best = k;
          }
        }
        counted++;
        right += best == truth[i] ? 1 : 0;
      }
    }
    return (double) right / counted;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static boolean[] toBool(List<Boolean> values) {
    boolean[] b = new boolean[values.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = values.get(i);
    }
    return b;
  }
}
