package io.datamint.validation.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.embedding.PostgresEmbeddingStore;
import io.datamint.validation.inference.TruthInference;
import io.datamint.validation.scoring.BatchScorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The queue and its workers against a real PostgreSQL (DATAMINT_DB_URL, default local). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationQueueIT {

  private DatabaseSettings settings;
  private DataSource db;
  private PostgresValidationJobQueue queue;
  private PostgresJobLeases leases;
  private final Function<ValidationBatch, ValidationResult> scorer =
      new BatchScorer(new TruthInference(), Optional.empty())::score;

  @BeforeAll
  void database() throws SQLException {
    settings = ItDatabase.recreate();
    db = settings.dataSource();
    queue = new PostgresValidationJobQueue(db);
    leases = new PostgresJobLeases(db);
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    ItDatabase.truncate(db);
  }

  private static ValidationBatch batch(String key) {
    List<Annotation> labels = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String truth = i % 2 == 0 ? "yes" : "no";
      labels.add(new Annotation("item-" + i, "w1", truth));
      labels.add(new Annotation("item-" + i, "w2", truth));
      labels.add(new Annotation("item-" + i, "w3", i == 0 ? "no" : truth));
    }
    return new ValidationBatch(key, labels, Map.of(), Map.of("item-1", "no"), 0.5);
  }

  private ValidationWorker worker(String id, Duration lease) {
    return new ValidationWorker(id, leases, scorer, lease, Duration.ofMillis(50));
  }

  @Test
  void anEnqueuedBatchIsScoredAndItsResultsRead() {
    ValidationJobId job = queue.enqueue(batch("campaign-1/batch-1"));
    assertThat(queue.status(job)).contains(ValidationJobStatus.PENDING);
    assertThat(queue.result(job)).isEmpty();

    assertThat(worker("w", Duration.ofSeconds(30)).runOnce())
        .isEqualTo(ValidationWorker.Outcome.DONE);

    assertThat(queue.status(job)).contains(ValidationJobStatus.DONE);
    ValidationResult result = queue.result(job).orElseThrow();
    assertThat(result.labels()).hasSize(15);
    assertThat(result.items()).hasSize(5);
    assertThat(result.labelers()).hasSize(3);
    assertThat(result.items())
        .filteredOn(i -> i.itemKey().equals("item-1"))
        .singleElement()
        .satisfies(i -> assertThat(i.confidence()).isEqualTo(1.0));
    assertThat(worker("w", Duration.ofSeconds(30)).runOnce())
        .isEqualTo(ValidationWorker.Outcome.IDLE);
  }

  @Test
  void enqueueingTheSameBatchTwiceYieldsOneJob() {
    ValidationJobId first = queue.enqueue(batch("campaign-1/batch-2"));
    ValidationJobId again = queue.enqueue(batch("campaign-1/batch-2"));

    assertThat(again).isEqualTo(first);
    assertThat(count("select count(*) from validation_job")).isEqualTo(1);
  }

  @Test
  void aJobWhoseWorkerProcessDiedIsTakenAgainAfterTheLeaseAndWrittenOnce() throws Exception {
    ValidationJobId job = queue.enqueue(batch("campaign-2/batch-1"));

    Process crashing =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWorker.class.getName(),
                settings.url(),
                settings.user(),
                settings.password(),
                "2")
            .redirectErrorStream(true)
            .start();
    assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = new String(crashing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(crashing.exitValue()).as(said).isEqualTo(137);
    assertThat(said).contains("claimed " + job);
    assertThat(queue.status(job)).contains(ValidationJobStatus.RUNNING);

    // While the dead worker's lease runs, nobody else may take the job.
    ValidationWorker survivor = worker("survivor", Duration.ofSeconds(30));
    assertThat(survivor.runOnce()).isEqualTo(ValidationWorker.Outcome.IDLE);
    Thread.sleep(2_200);
    assertThat(survivor.runOnce()).isEqualTo(ValidationWorker.Outcome.DONE);

    assertThat(queue.status(job)).contains(ValidationJobStatus.DONE);
    assertThat(count("select attempts from validation_job")).isEqualTo(2);
    assertThat(count("select count(*) from validation_label_score")).isEqualTo(15);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCanNeitherCompleteNorRelease() throws Exception {
    queue.enqueue(batch("campaign-2/batch-2"));
    JobLease stale = leases.claim("slow", Duration.ofMillis(300)).orElseThrow();
    Thread.sleep(500);
    JobLease fresh = leases.claim("fast", Duration.ofSeconds(30)).orElseThrow();
    assertThat(fresh.job()).isEqualTo(stale.job());
    assertThat(fresh.attempt()).isEqualTo(stale.attempt() + 1);

    assertThat(leases.renew(stale, Duration.ofSeconds(30))).isFalse();
    assertThat(leases.complete(stale, scorer.apply(stale.batch()))).isFalse();
    leases.release(stale, "too late", Duration.ZERO);
    assertThat(count("select count(*) from validation_label_score")).isZero();
    assertThat(queue.status(stale.job())).contains(ValidationJobStatus.RUNNING);

    assertThat(leases.complete(fresh, scorer.apply(fresh.batch()))).isTrue();
    assertThat(leases.complete(fresh, scorer.apply(fresh.batch()))).isFalse();
    assertThat(count("select count(*) from validation_label_score")).isEqualTo(15);
  }

  @Test
  void parallelWorkersShareTheQueueWithoutDoingAnyJobTwice() throws Exception {
    int jobs = 24;
    for (int j = 0; j < jobs; j++) {
      queue.enqueue(batch("campaign-3/batch-" + j));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      ValidationWorker worker = worker("parallel-" + w, Duration.ofSeconds(30));
      Callable<Integer> drain =
          () -> {
            int n = 0;
            ValidationWorker.Outcome o;
            while ((o = worker.runOnce()) != ValidationWorker.Outcome.IDLE) {
              n += o == ValidationWorker.Outcome.DONE ? 1 : 0;
            }
            return n;
          };
      done.add(pool.submit(drain));
    }
    int total = 0;
    List<Integer> perWorker = new ArrayList<>();
    for (Future<Integer> f : done) {
      int n = f.get(120, TimeUnit.SECONDS);
      perWorker.add(n);
      total += n;
    }
    pool.shutdown();

    assertThat(total).isEqualTo(jobs);
    assertThat(count("select count(*) from validation_job where status = 'DONE' and attempts = 1"))
        .isEqualTo(jobs);
    assertThat(count("select count(*) from validation_label_score")).isEqualTo(jobs * 15);
    assertThat(count("select count(distinct leased_by) from validation_job")).isGreaterThan(1);
    assertThat(perWorker).allSatisfy(n -> assertThat(n).isLessThan(jobs));
  }

  @Test
  void aFailingJobIsRetriedThenGivenUp() throws Exception {
    ValidationJobId job = queue.enqueue(batch("campaign-4/batch-1"));
    execute("update validation_job set max_attempts = 2");
    ValidationWorker broken =
        new ValidationWorker(
            "broken",
            leases,
            b -> {
              throw new IllegalStateException("model exploded");
            },
            Duration.ofSeconds(30),
            Duration.ofMillis(50));

    assertThat(broken.runOnce()).isEqualTo(ValidationWorker.Outcome.FAILED);
    assertThat(queue.status(job)).contains(ValidationJobStatus.PENDING);
    execute("update validation_job set available_at = now()"); // skip the back-off
    assertThat(broken.runOnce()).isEqualTo(ValidationWorker.Outcome.FAILED);

    assertThat(queue.status(job)).contains(ValidationJobStatus.FAILED);
    assertThat(text("select last_error from validation_job")).contains("model exploded");
    assertThat(broken.runOnce()).isEqualTo(ValidationWorker.Outcome.IDLE);
  }

  @Test
  void aJobWithAnUnreadablePayloadFailsAtOnceAndDoesNotBlockTheQueue() throws Exception {
    execute(
        "insert into validation_job (job_key, payload) values ('broken', '{\"annotations\": []}')");
    ValidationJobId good = queue.enqueue(batch("campaign-5/batch-1"));

    assertThat(worker("w", Duration.ofSeconds(30)).runOnce())
        .isEqualTo(ValidationWorker.Outcome.DONE);

    assertThat(queue.status(good)).contains(ValidationJobStatus.DONE);
    assertThat(
            text("select status || ' ' || last_error from validation_job where job_key = 'broken'"))
        .startsWith("FAILED unreadable payload");
  }

  @Test
  void embeddingsAreSharedThroughTheDatabase() {
    PostgresEmbeddingStore store = new PostgresEmbeddingStore(db);
    store.save(Map.of("h1", new float[] {0.25f, -1f}));
    store.save(Map.of("h1", new float[] {9f, 9f})); // a second writer of the same content

    assertThat(store.load(List.of("h1", "h2"))).containsOnlyKeys("h1");
    assertThat(store.load(List.of("h1")).get("h1")).containsExactly(0.25f, -1f);
  }

  private long count(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
