package io.datamint.it.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import io.datamint.it.support.ValidationWorkers;
import io.datamint.it.support.ValidationWorkers.Worker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Bring your own crowd labels" end to end: labels from the RTE crowd uploaded over REST, scored by
 * real worker processes on the deployed application's database, results read back as the files the
 * command line writes. Each upload carries a fresh run id in its item ids, so it is a new job (the
 * queue is idempotent per content and requester, and the database outlives a run).
 */
@ExtendWith(DeployedApp.class)
class ValidationJobsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SCORING = Duration.ofSeconds(90);

  /** Set for the deployed app by this module's failsafe configuration. */
  private static final long UPLOAD_LIMIT = 2L * 1024 * 1024;

  private final ApiClient api = new ApiClient();

  // ---------------------------------------------------------------------------- the happy path

  @Test
  void uploadedCrowdLabelsAreScoredByAWorkerExactlyAsTheCommandLineScoresThem() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    Crowd crowd = Crowd.rte(100, false, run());
    Path annotations = Files.createTempFile("crowd-", ".csv");
    Files.writeString(annotations, crowd.csv());

    String id;
    try (Worker worker = ValidationWorkers.start("it-scorer-" + run(), Duration.ofSeconds(30))) {
      HttpResponse<String> upload = submit(contributor, crowd.csv(), null, Map.of());
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
      id = JSON.readTree(upload.body()).get("id").asText();
      assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(id));

      JsonNode job = awaitStatus(contributor, id, "DONE");

      JsonNode summary = job.get("summary");
      assertThat(summary.get("items").asInt()).isEqualTo(100);
      assertThat(summary.get("labels").asInt()).isEqualTo(crowd.labels());
      assertThat(summary.get("labelers").asInt()).isEqualTo(crowd.workers().size());
      assertThat(summary.get("accepted").asInt() + summary.get("rejected").asInt())
          .isEqualTo(crowd.labels());
      assertThat(summary.get("meanReliability").asDouble()).isBetween(0.5, 1.0);
    }

    Path cli = Files.createTempDirectory("score-");
    assertThat(ValidationWorkers.score(annotations, cli))
        .as(Files.readString(cli.resolve("score.log")))
        .isZero();
    String items = download(contributor, id, "items.csv");
    assertThat(items).startsWith("item_id,consensus_label,confidence\n");
    assertThat(rows(items)).isEqualTo(rows(Files.readString(cli.resolve("items.csv"))));
    String workers = download(contributor, id, "workers.csv");
    assertThat(workers).startsWith("worker_id,reliability,labels\n");
    assertThat(rows(workers)).isEqualTo(rows(Files.readString(cli.resolve("workers.csv"))));
    String labels = download(contributor, id, "annotations.csv");
    assertThat(labels).startsWith("item_id,worker_id,label,quality\n");
    assertThat(rows(labels)).isEqualTo(rows(Files.readString(cli.resolve("annotations.csv"))));

    // and the consensus is the crowd's truth far more often than not (RTE: ~0.93 on all items)
    Map<String, String> consensus = new HashMap<>();
    rows(items).forEach((item, row) -> consensus.put(item, row.get(0)));
    long right =
        crowd.gold().entrySet().stream()
            .filter(e -> e.getValue().equals(consensus.get(e.getKey())))
            .count();
    assertThat(right).isGreaterThanOrEqualTo(85);
  }

  @Test
  void theSameUploadTwiceIsTheSameJob() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String csv = Crowd.rte(5, false, run()).csv();

    String first =
        JSON.readTree(submit(contributor, csv, null, Map.of()).body()).get("id").asText();
    HttpResponse<String> again = submit(contributor, csv, null, Map.of());

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(first);
    HttpResponse<String> otherThreshold =
        submit(contributor, csv, null, Map.of("threshold", "0.7"));
    assertThat(JSON.readTree(otherThreshold.body()).get("id").asText()).isNotEqualTo(first);
  }

  // ------------------------------------------------------------------------ refusals and access

  @Test
  void aMalformedCsvIsRefusedWithTheLineThatIsWrong() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");

    HttpResponse<String> ragged =
        submit(contributor, "item_id,worker_id,label\ni1,w1,yes\ni1,w2\n", null, Map.of());
    HttpResponse<String> noLabel =
        submit(contributor, "item_id,worker_id\ni1,w1\n", null, Map.of());
    HttpResponse<String> badGold =
        submit(
            contributor,
            "item_id,worker_id,label\ni1,w1,yes\n",
            "item_id,label\ni1,yes\ni1,no\n",
            Map.of());
    HttpResponse<String> badThreshold =
        submit(
            contributor, "item_id,worker_id,label\ni1,w1,yes\n", null, Map.of("threshold", "1.5"));

    assertThat(ragged.statusCode()).isEqualTo(400);
    assertThat(ragged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(detail(ragged))
        .isEqualTo("annotations file, line 3: malformed row: 2 fields, the header has 3");
    assertThat(noLabel.statusCode()).isEqualTo(400);
    assertThat(detail(noLabel)).startsWith("annotations file, line 1: missing column(s) label");
    assertThat(badGold.statusCode()).isEqualTo(400);
    assertThat(detail(badGold))
        .isEqualTo("gold file, line 3: item i1 has two gold labels: yes, no");
    assertThat(badThreshold.statusCode()).isEqualTo(400);
    assertThat(detail(badThreshold)).contains("threshold");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    StringBuilder big = new StringBuilder("item_id,worker_id,label\n");
    for (int i = 0; big.length() <= UPLOAD_LIMIT; i++) {
      big.append("item-").append(i).append(",worker-").append(i % 97).append(",yes\n");
    }

    HttpResponse<String> response = submit(contributor, big.toString(), null, Map.of());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(detail(response))
        .isEqualTo("the annotations file is larger than the limit of " + UPLOAD_LIMIT + " bytes");
  }

  @Test
  void aJobIsItsRequestersAndAdminsOnly() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String buyer = Keycloak.accessToken("datamint-cli", "buyer");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String labeler = Keycloak.accessToken("datamint-cli", "labeler1");
    String csv = Crowd.rte(3, false, run()).csv();
    String id = JSON.readTree(submit(contributor, csv, null, Map.of()).body()).get("id").asText();

    assertThat(api.get("/api/validation/jobs/" + id, contributor).statusCode()).isEqualTo(200);
    HttpResponse<String> buyers = api.get("/api/validation/jobs/" + id, buyer);
    assertThat(buyers.statusCode()).isEqualTo(404);
    assertThat(detail(buyers)).isEqualTo("no validation job " + id);
    assertThat(csv(buyer, id, "items.csv").statusCode()).isEqualTo(404);
    HttpResponse<String> early = csv(contributor, id, "items.csv");
    if (early.statusCode() != 200) { // unless a worker on this database was quicker
      assertThat(early.statusCode()).isEqualTo(409);
      assertThat(detail(early)).contains("its results are there once it is DONE");
    }
    assertThat(api.get("/api/validation/jobs/" + id, admin).statusCode()).isEqualTo(200);
    // buyers score crowds of their own: the same file is a job of theirs, not the contributor's
    String buyersOwn = JSON.readTree(submit(buyer, csv, null, Map.of()).body()).get("id").asText();
    assertThat(buyersOwn).isNotEqualTo(id);
    assertThat(api.get("/api/validation/jobs/" + buyersOwn, contributor).statusCode())
        .isEqualTo(404);
    assertThat(submit(labeler, csv, null, Map.of()).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/validation/jobs/999999999", contributor).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/validation/jobs/not-a-number", contributor).statusCode())
        .isEqualTo(404);
  }

  // ------------------------------------------------------------------------------ crash recovery

  @Test
  void aJobWhoseWorkerIsKilledMidJobIsFinishedByAnotherWorkerOnce() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    // With texts, so the job embeds a few hundred sentences (seconds) and can be caught running;
    // the run id in the texts keeps them out of the shared embedding cache.
    String run = run();
    Crowd crowd = Crowd.rte(300, true, run);
    String id;
    String first = "it-doomed-" + run;
    String second = "it-rescuer-" + run;
    try (Worker doomed = ValidationWorkers.start(first, Duration.ofSeconds(3))) {
      HttpResponse<String> upload =
          submit(contributor, crowd.csv(), null, Map.of("pairColumn", "hypothesis"));
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
      id = JSON.readTree(upload.body()).get("id").asText();

      Lease lease = awaitLease(Long.parseLong(id), first);
      assertThat(lease.status()).isEqualTo("RUNNING");
      doomed.kill();
      assertThat(Files.readString(doomed.log())).doesNotContain("finished job " + id);
    }
    assertThat(
            JSON.readTree(api.get("/api/validation/jobs/" + id, contributor).body())
                .get("status")
                .asText())
        .isEqualTo("RUNNING");

    try (Worker rescuer = ValidationWorkers.start(second, Duration.ofSeconds(30))) {
      JsonNode job = awaitStatus(contributor, id, "DONE");
      assertThat(job.get("summary").get("labels").asInt()).isEqualTo(crowd.labels());
      assertThat(Files.readString(rescuer.log())).contains("finished job " + id);
    }
    Lease done = lease(Long.parseLong(id));
    assertThat(done.status()).isEqualTo("DONE");
    assertThat(done.leasedBy()).isEqualTo(second);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.labelRows()).isEqualTo(crowd.labels());
    assertThat(rows(download(contributor, id, "annotations.csv"))).hasSize(crowd.labels());
  }

  // ------------------------------------------------------------------------------------- helpers

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpResponse<String> submit(
      String token, String annotations, String gold, Map<String, String> fields) throws Exception {
    String boundary = "----datamint" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      part(body, boundary, field.getKey(), null, field.getValue());
    }
    part(body, boundary, "annotations", "annotations.csv", annotations);
    if (gold != null) {
      part(body, boundary, "gold", "gold.csv", gold);
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.http()
        .send(
            api.request("/api/validation/jobs", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String fileName, String content) {
    String disposition =
        "Content-Disposition: form-data; name=\""
            + name
            + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv");
    body.writeBytes(
        ("--" + boundary + "\r\n" + disposition + "\r\n\r\n" + content + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode awaitStatus(String token, String id, String wanted) throws Exception {
    Instant deadline = Instant.now().plus(SCORING);
    JsonNode job = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = api.get("/api/validation/jobs/" + id, token);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      job = JSON.readTree(response.body());
      String status = job.get("status").asText();
      if (status.equals(wanted)) {
        return job;
      }
      assertThat(status).as("job %s", id).isIn("PENDING", "RUNNING");
      Thread.sleep(250);
    }
    throw new AssertionError("job " + id + " not " + wanted + " after " + SCORING + ": " + job);
  }

  private HttpResponse<String> csv(String token, String id, String file) throws Exception {
    return api.http()
        .send(
            api.request("/api/validation/jobs/" + id + "/" + file, token)
                .setHeader("Accept", "text/csv")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private String download(String token, String id, String file) throws Exception {
    HttpResponse<String> response = csv(token, id, file);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    return response.body();
  }

  /** Rows keyed by their first column(s) (the CLI keeps input order, the API sorts by key). */
  private static Map<String, List<String>> rows(String csv) throws IOException {
    Map<String, List<String>> rows = new HashMap<>();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      boolean perLabel = parser.getHeaderNames().contains("quality");
      for (CSVRecord r : parser) {
        List<String> values = new ArrayList<>(r.toList());
        String key = values.remove(0);
        if (perLabel) {
          key = key + "/" + values.remove(0);
        }
        assertThat(rows.put(key, values)).as("row %s twice", key).isNull();
      }
    }
    return rows;
  }

  private static String detail(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).get("detail").asText();
  }

  // ----------------------------------------------------------------- the queue's own records

  /** What the queue's table says of a job, read directly: the API shows neither lease nor count. */
  private record Lease(String status, String leasedBy, int attempts, int labelRows) {}

  private static Lease awaitLease(long job, String worker) throws Exception {
    Instant deadline = Instant.now().plus(SCORING);
    Lease lease = null;
    while (Instant.now().isBefore(deadline)) {
      lease = lease(job);
      if (lease.leasedBy() != null) {
        assertThat(lease.leasedBy())
            .as("another worker on this database took the job (stop it: ./datamint stop worker)")
            .isEqualTo(worker);
        return lease;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + job + " not taken after " + SCORING + ": " + lease);
  }

  private static Lease lease(long job) throws Exception {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "select status, leased_by, attempts,"
                    + " (select count(*) from validation_label_score where job_id = j.id)"
                    + " from validation_job j where id = ?")) {
      s.setLong(1, job);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("job %s in validation_job", job).isTrue();
        return new Lease(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
      }
    }
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        env("DATAMINT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/datamint"),
        env("DATAMINT_DB_USER", "datamint"),
        env("DATAMINT_DB_PASSWORD", "datamint"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  // ------------------------------------------------------------------------------ the RTE crowd

  /**
   * A slice of the RTE crowd (Snow et al. 2008: 800 textual-entailment items, 164 workers, 10
   * labels per item, gold answers) in the upload's columns: {@code item_id,worker_id,label} and,
   * with texts, {@code text,hypothesis} on each item's first row.
   */
  private record Crowd(String csv, int labels, Set<String> workers, Map<String, String> gold) {

    static Crowd rte(int items, boolean withText, String run) throws IOException {
      Path file = Path.of(System.getProperty("datamint.rte", "rte.standardized.csv"));
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "the RTE crowd is missing at "
                + file
                + " (it-tests/src/test/resources/crowd-rte; or -Ddatamint.rte=FILE)");
      }
      Map<String, String> gold = new LinkedHashMap<>();
      Set<String> workers = new LinkedHashSet<>();
      Set<String> described = new LinkedHashSet<>();
      StringBuilder csv = new StringBuilder();
      int labels = 0;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVParser.parse(
                  reader, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get());
          CSVPrinter out =
              new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
        out.printRecord(
            withText
                ? List.of("item_id", "worker_id", "label", "text", "hypothesis")
                : List.of("item_id", "worker_id", "label"));
        for (CSVRecord r : parser) {
          String item = run + "-" + r.get("orig_id");
          if (!gold.containsKey(item) && gold.size() == items) {
            continue;
          }
          gold.put(item, r.get("gold"));
          workers.add(r.get("!amt_worker_ids"));
          labels++;
          List<String> row =
              new ArrayList<>(List.of(item, r.get("!amt_worker_ids"), r.get("response")));
          if (withText) {
            boolean first = described.add(item);
            row.add(first ? r.get("text") + " (" + run + ")" : "");
            row.add(first ? r.get("hypothesis") + " (" + run + ")" : "");
          }
          out.printRecord(row);
        }
      }
      return new Crowd(csv.toString(), labels, workers, gold);
    }
  }
}
