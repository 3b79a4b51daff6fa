package io.datamint.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The labeling load run (issue #6): {@code load.labelers} virtual labelers, each a thread with its
 * own Keycloak account and token, loop "next task, think, label (or skip)" against the deployed WAR
 * for a warm-up and then a measured window, on loopback. Afterwards the queue is checked from the
 * database and the REST API: no slot labeled twice, no labeler given an item twice, and as many
 * labels stored as submissions answered 200. The numbers go to {@code
 * target/load/labeling-load-<time>.md} and standard output.
 *
 * <p>Named {@code *Benchmark}, not {@code *IT}: only the {@code load} profile runs it.
 */
@ExtendWith(DeployedApp.class)
class LabelingLoadBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String NEXT = "GET /api/campaigns/{id}/tasks/next";
  private static final String LABEL = "POST /api/tasks/{lease}/label";
  private static final String SKIP = "POST /api/tasks/{lease}/skip";
  private static final String MINE = "GET /api/me/labels";

  private final LoadSettings settings = LoadSettings.fromSystemProperties();
  private final ApiClient api = new ApiClient();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, Latencies> latencies = new LinkedHashMap<>();
  private final AtomicLong labeled = new AtomicLong();
  private final AtomicLong labeledInWindow = new AtomicLong();
  private final AtomicLong unanswered = new AtomicLong();
  private final AtomicLong drained = new AtomicLong();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  @Test
  void twoHundredLabelersLabelConcurrentlyWithoutDoubleAssignment() throws Exception {
    for (String endpoint : List.of(NEXT, LABEL, SKIP, MINE)) {
      latencies.put(endpoint, new Latencies());
    }
    Path out = Files.createDirectories(Path.of("target", "load"));
    String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");

    // accounts, tokens, campaign
    Instant setupStart = Instant.now();
    List<String> names = KeycloakAdmin.signIn().ensureLabelers(settings.labelers());
    Duration accounts = Duration.between(setupStart, Instant.now());
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    Instant campaignStart = Instant.now();
    String campaign = new LoadCampaign(api, settings).open(contributor, admin);
    Duration campaignSetup = Duration.between(campaignStart, Instant.now());
    List<LabelerToken> tokens = new ArrayList<>();
    for (String name : names) {
      LabelerToken token = new LabelerToken(http, name);
      token.get();
      tokens.add(token);
    }
    System.out.printf(
        "load: %d accounts in %s, campaign %s open after %s%n",
        names.size(), accounts, campaign, campaignSetup);

    // the run
    URI base = DeployedApp.baseUri();
    ServerProbe probe = new ServerProbe(base.getPort(), out);
    Instant start = Instant.now();
    Instant measureFrom = start.plus(settings.warmUp());
    Instant end = measureFrom.plus(settings.measured());
    ExecutorService labelers = Executors.newFixedThreadPool(settings.labelers());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          if (!Instant.now().isBefore(measureFrom)) {
            probe.sample();
          }
        },
        settings.warmUp().toMillis(),
        5000,
        TimeUnit.MILLISECONDS);
    long third = settings.measured().toMillis() / 3;
    sampler.schedule(
        () -> probe.threadDump(stamp + "-a"),
        settings.warmUp().toMillis() + third,
        TimeUnit.MILLISECONDS);
    sampler.schedule(
        () -> probe.threadDump(stamp + "-b"),
        settings.warmUp().toMillis() + 2 * third,
        TimeUnit.MILLISECONDS);
    Map<String, Map<String, String>> itemsSeen = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      LabelerToken token = tokens.get(i);
      Map<String, String> seen = new HashMap<>();
      itemsSeen.put(token.username(), seen);
      long seed = 31L * i + 17;
      labelers.submit(() -> labelUntil(base, campaign, token, seen, seed, measureFrom, end));
    }
    labelers.shutdown();
    if (!labelers.awaitTermination(
        settings.warmUp().plus(settings.measured()).plusMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
      labelers.shutdownNow();
      violations.add("labelers still busy two minutes after the end");
    }
    sampler.shutdownNow();
    Instant stopped = Instant.now();

    // correctness, from the database and the REST API
    Map<String, Long> checks = databaseChecks(campaign);
    long restLabels = 0;
    boolean restComplete = true;
    for (LabelerToken token : tokens) {
      HttpResponse<String> mine =
          api.get("/api/me/labels?campaign=" + campaign + "&limit=1000", token.get());
      JsonNode list = JSON.readTree(mine.body());
      restLabels += list.size();
      restComplete &= list.size() < 1000;
    }
    int refreshes = tokens.stream().mapToInt(LabelerToken::refreshes).sum();

    String report =
        report(
            stamp,
            campaign,
            probe,
            checks,
            restLabels,
            restComplete,
            refreshes,
            Duration.between(start, stopped),
            accounts,
            campaignSetup);
    Path file = out.resolve("labeling-load-" + stamp + ".md");
    Files.writeString(file, report);
    System.out.println(report);
    System.out.println("load: report written to " + file.toAbsolutePath());

    assertThat(violations).as("what the labelers saw").isEmpty();
    assertThat(checks.get("slots labeled more than once")).isZero();
    assertThat(checks.get("items with more than k labels")).isZero();
    assertThat(checks.get("labeler-item pairs leased more than once")).isZero();
    assertThat(checks.get("labels stored"))
        .as("labels stored = submissions answered 200 (+ any whose answer was lost)")
        .isBetween(labeled.get(), labeled.get() + unanswered.get());
    assertThat(checks.get("regular labels stored")).isEqualTo(checks.get("slots LABELED"));
    if (restComplete) {
      assertThat(restLabels).isEqualTo(checks.get("labels stored"));
    }
    assertThat(labeledInWindow.get()).as("labels answered 200 in the window").isPositive();
  }

  /** One virtual labeler: next, think, label or skip, until the end of the window. */
  private void labelUntil(
      URI base,
      String campaign,
      LabelerToken token,
      Map<String, String> seen,
      long seed,
      Instant measureFrom,
      Instant end) {
    SplittableRandom random = new SplittableRandom(seed);
    int tasks = 0;
    while (Instant.now().isBefore(end)) {
      try {
        Call next =
            call(
                NEXT,
                HttpRequest.newBuilder(base.resolve("/api/campaigns/" + campaign + "/tasks/next"))
                    .GET(),
                token,
                measureFrom,
                end);
        if (next.status() == 204) {
          drained.incrementAndGet();
          Thread.sleep(1000);
          continue;
        }
        if (next.status() != 200) {
          Thread.sleep(200);
          continue;
        }
        JsonNode task = JSON.readTree(next.body());
        String lease = task.get("leaseId").asText();
        String item = task.get("item").asText();
        String before = seen.put(item, lease);
        if (before != null && !before.equals(lease)) {
          violations.add(token.username() + " got " + item + " under two leases");
        }
        think(random);
        if (random.nextInt(100) < settings.skipPercent()) {
          call(
              SKIP,
              HttpRequest.newBuilder(base.resolve("/api/tasks/" + lease + "/skip"))
                  .POST(HttpRequest.BodyPublishers.noBody()),
              token,
              measureFrom,
              end);
        } else {
          String label = LoadCampaign.LABELS.get(random.nextInt(LoadCampaign.LABELS.size()));
          Instant sent = Instant.now();
          Call given =
              call(
                  LABEL,
                  HttpRequest.newBuilder(base.resolve("/api/tasks/" + lease + "/label"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString("{\"labels\": [\"" + label + "\"]}")),
                  token,
                  measureFrom,
                  end);
          if (given.status() == 200) {
            labeled.incrementAndGet();
            if (!sent.isBefore(measureFrom) && sent.isBefore(end)) {
              labeledInWindow.incrementAndGet();
            }
          }
        }
        if (++tasks % 25 == 0) {
          call(
              MINE,
              HttpRequest.newBuilder(
                      base.resolve("/api/me/labels?campaign=" + campaign + "&limit=20"))
                  .GET(),
              token,
              measureFrom,
              end);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        violations.add(token.username() + ": " + e);
        return;
      }
    }
  }

  private record Call(int status, String body) {}

  /** Sends, times and records one request; status 0 when no answer came. */
  private Call call(
      String endpoint,
      HttpRequest.Builder request,
      LabelerToken token,
      Instant measureFrom,
      Instant end)
      throws Exception {
    HttpRequest built =
        request
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token.get())
            .build();
    Instant sent = Instant.now();
    long t0 = System.nanoTime();
    int status;
    String body = "";
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      body = response.body();
    } catch (java.io.IOException e) {
      status = 0;
      if (endpoint.equals(LABEL)) {
        unanswered.incrementAndGet();
      }
    }
    long micros = (System.nanoTime() - t0) / 1000;
    if (!sent.isBefore(measureFrom) && sent.isBefore(end)) {
      latencies.get(endpoint).record(micros, status == 0 ? "io" : Integer.toString(status));
    }
    return new Call(status, body);
  }

  private void think(SplittableRandom random) throws InterruptedException {
    long min = settings.thinkMin().toMillis();
    long max = settings.thinkMax().toMillis();
    long pause = max <= min ? min : min + random.nextLong(max - min + 1);
    if (pause > 0) {
      Thread.sleep(pause);
    }
  }

  private Map<String, Long> databaseChecks(String campaign) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("labels stored", "SELECT count(*) FROM campaign_label WHERE campaign_id = ?");
    queries.put(
        "regular labels stored",
        "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND NOT gold");
    queries.put(
        "gold labels stored", "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND gold");
    queries.put(
        "slots LABELED",
        "SELECT count(*) FROM campaign_slot WHERE campaign_id = ? AND state = 'LABELED'");
    queries.put(
        "slots labeled more than once",
        "SELECT count(*) FROM (SELECT l.ordinal, l.slot FROM campaign_label b JOIN campaign_lease"
            + " l ON l.lease_id = b.lease_id WHERE b.campaign_id = ? AND NOT b.gold"
            + " GROUP BY l.ordinal, l.slot HAVING count(*) > 1) twice");
    queries.put(
        "items with more than k labels",
        "SELECT count(*) FROM (SELECT b.ordinal FROM campaign_label b JOIN campaign c"
            + " ON c.id = b.campaign_id WHERE b.campaign_id = ? AND NOT b.gold"
            + " GROUP BY b.ordinal, c.labels_per_item HAVING count(*) > c.labels_per_item) over");
    queries.put(
        "labeler-item pairs leased more than once",
        "SELECT count(*) FROM (SELECT labeler_id, ordinal FROM campaign_lease WHERE campaign_id = ?"
            + " GROUP BY labeler_id, ordinal HAVING count(*) > 1) twice");
    queries.put("leases given", "SELECT count(*) FROM campaign_lease WHERE campaign_id = ?");
    queries.put(
        "leases skipped",
        "SELECT count(*) FROM campaign_lease WHERE campaign_id = ? AND state = 'SKIPPED'");
    Map<String, Long> results = new LinkedHashMap<>();
    try (Connection c = ServerProbe.database()) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        try (PreparedStatement s = c.prepareStatement(q.getValue())) {
          s.setObject(1, UUID.fromString(campaign));
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            results.put(q.getKey(), rs.getLong(1));
          }
        }
      }
    }
    return results;
  }

  private String report(
      String stamp,
      String campaign,
      ServerProbe probe,
      Map<String, Long> checks,
      long restLabels,
      boolean restComplete,
      int refreshes,
      Duration ran,
      Duration accounts,
      Duration campaignSetup) {
    double seconds = settings.measured().toMillis() / 1000.0;
    StringBuilder md = new StringBuilder();
    md.append("### Labeling load run ").append(stamp).append("\n\n");
    md.append(
        String.format(
            "%d labelers, think %d–%d ms, %d %% skips, warm-up %d s, measured %d s; campaign %s"
                + " (%d items, k = %d, %d gold every %d)%n%n",
            settings.labelers(),
            settings.thinkMin().toMillis(),
            settings.thinkMax().toMillis(),
            settings.skipPercent(),
            settings.warmUp().toSeconds(),
            settings.measured().toSeconds(),
            campaign,
            settings.items(),
            settings.labelsPerItem(),
            settings.goldItems(),
            settings.goldEvery()));
    md.append(
        String.format(
            "**Throughput: %.1f labels/s** (%d labels answered 200 in the window)%n%n",
            labeledInWindow.get() / seconds, labeledInWindow.get()));
    md.append("| endpoint | requests | per s | p50 ms | p95 ms | p99 ms | max ms | answers |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    latencies.forEach(
        (endpoint, l) -> {
          Latencies.Summary s = l.summary();
          md.append(
              String.format(
                  "| `%s` | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                  endpoint,
                  s.count(),
                  s.count() / seconds,
                  s.p50(),
                  s.p95(),
                  s.p99(),
                  s.max(),
                  s.byStatus()));
        });
    md.append("\n");
    md.append("- load average (1 min, in the window): ").append(probe.loadAverage()).append('\n');
    md.append("- application heap: ").append(probe.heap()).append('\n');
    md.append("- application's database sessions (mean per sample): ");
    probe.sessions().forEach((k, v) -> md.append(String.format("%s %.1f; ", k, v)));
    md.append('\n');
    md.append(
        String.format(
            "- tasks/next answered 204 (nothing left): %d; label requests without an answer: %d;"
                + " token refreshes: %d%n",
            drained.get(), unanswered.get(), refreshes));
    md.append(
        String.format(
            "- set-up: %d accounts ensured in %d s, dataset published and campaign open in %d s;"
                + " run %d s%n",
            settings.labelers(), accounts.toSeconds(), campaignSetup.toSeconds(), ran.toSeconds()));
    md.append("- correctness (database): ").append(checks).append('\n');
    md.append(
        String.format(
            "- labels answered 200 over the whole run: %d; labels listed by GET /api/me/labels: %d%s%n",
            labeled.get(), restLabels, restComplete ? "" : " (some lists were cut at 1000)"));
    md.append("- violations seen by the labelers: ").append(violations).append('\n');
    md.append("- reproduce: `it-tests/bin/load ").append(settings.commandLine()).append("`\n");
    return md.toString();
  }
}
