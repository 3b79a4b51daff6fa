package io.datamint.validation.worker;

import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.embedding.CachingEmbedder;
import io.datamint.validation.embedding.Embedder;
import io.datamint.validation.embedding.OnnxEmbedder;
import io.datamint.validation.embedding.PostgresEmbeddingStore;
import io.datamint.validation.inference.TruthInference;
import io.datamint.validation.scoring.BatchScorer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code worker} process: {@code gpu-validation/bin/worker [--once] [--lease S] ...}. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls validation jobs from PostgreSQL and scores them, until stopped.",
      "Database: DATAMINT_DB_URL, DATAMINT_DB_USER, DATAMINT_DB_PASSWORD."
    })
public final class WorkerMain implements Callable<Integer> {

  @Option(names = "--id", description = "worker name in the job table (default host-pid)")
  String id = ManagementFactory.getRuntimeMXBean().getName();

  @Option(
      names = "--lease",
      defaultValue = "120",
      description = "lease length in seconds, renewed every third of it (default ${DEFAULT-VALUE})")
  long leaseSeconds;

  @Option(
      names = "--poll",
      defaultValue = "2",
      description = "seconds between looks at an empty queue (default ${DEFAULT-VALUE})")
  long pollSeconds;

  @Option(names = "--once", description = "drain the ready jobs, then exit")
  boolean once;

  @Option(names = "--no-embeddings", description = "score from agreement only")
  boolean noEmbeddings;

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerMain()).execute(args));
  }

  @Override
  public Integer call() {
    DataSource db = DatabaseSettings.fromEnvironment().dataSource();
    Embedder embedder =
        noEmbeddings
            ? null
            : new CachingEmbedder(
                OnnxEmbedder.open(OnnxEmbedder.Settings.fromEnvironment()),
                new PostgresEmbeddingStore(db),
                100_000);
    BatchScorer scorer = new BatchScorer(new TruthInference(), Optional.ofNullable(embedder));
    Function<ValidationBatch, ValidationResult> score = scorer::score;
    ValidationWorker worker =
        new ValidationWorker(
            id,
            new PostgresJobLeases(db),
            score,
            Duration.ofSeconds(leaseSeconds),
            Duration.ofSeconds(pollSeconds));
    // Counted down once the loop has ended and the embedder is closed. The shutdown hook waits on
    // this rather than joining the main thread: after the loop, main returns into System.exit,
    // which blocks for as long as a shutdown (the hook's own) is in progress.
    CountDownLatch finished = new CountDownLatch(1);
    try {
      if (once) {
        while (worker.runOnce() != ValidationWorker.Outcome.IDLE) {
          // keep draining
        }
      } else {
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      worker.stop();
                      try {
                        finished.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
        worker.run();
      }
    } finally {
      if (embedder != null) {
        embedder.close();
      }
      finished.countDown();
    }
    return 0;
  }
}
