package io.datamint.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import io.datamint.it.support.ValidationWorkers;
import io.datamint.it.support.ValidationWorkers.Worker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Validation of campaign labels end to end, against the deployed WAR, the stack and real validation
 * worker processes: labelers with planted behaviour label a funded campaign, the application
 * validates on its own in rounds (it-tests run it every {@code it.campaign.validation.seconds}),
 * honest labels end ACCEPTED, the bad labeler's REJECTED and the labeler BLOCKED with the reason,
 * the consensus equals the planted truth — while the worker that scores the first round is killed
 * in the middle of it. And the qualification round: a labeler who fails it is blocked and never
 * gets a paid task.
 */
@ExtendWith(DeployedApp.class)
class CampaignValidationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration VALIDATED = Duration.ofMinutes(4);
  private static final double THRESHOLD = 0.6;

  private final ApiClient api = new ApiClient();
  private final CampaignFixture fixture = new CampaignFixture(api);

  /** How a labeler answers: given the item, whether it is gold, and the truth. */
  private interface Behaviour {
    String answer(String item, boolean gold, String truth);
  }

  @Test
  void honestLabelsAreAcceptedTheBadLabelerIsRejectedAndBlockedAndAKilledWorkerLosesNothing()
      throws Exception {
    int items = 24;
    int goldItems = 4;
    int k = 3;
    int q = 2;
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String honest1 = Keycloak.accessToken("datamint-cli", "labeler1");
    String honest2 = Keycloak.accessToken("datamint-cli", "labeler2");
    String bad = Keycloak.accessToken("datamint-cli", "labeler3");
    String run = UUID.randomUUID().toString().substring(0, 8);

    Map<String, String> texts = new LinkedHashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts, items);
    List<String> ids = new ArrayList<>(texts.keySet());
    Set<String> gold = Set.copyOf(ids.subList(0, goldItems));
    String id = createAndOpen(contributor, dataset, k, ids.subList(0, goldItems), texts, q, "6");

    // No worker runs while they label. The bad labeler goes first, so no item is complete (no
    // round runs) until their work is all in: they pass the qualification round, then answer
    // everything inverted.
    int[] goldSeen = {0};
    Map<String, List<String>> given = new HashMap<>();
    given.put(
        "bad",
        labelAll(
            id,
            bad,
            gold,
            texts,
            q,
            (item, isGold, truth) -> {
              if (isGold && goldSeen[0]++ < q) {
                return truth;
              }
              return invert(truth);
            }));
    given.put("honest1", labelAll(id, honest1, gold, texts, q, (item, g, truth) -> truth));
    given.put("honest2", labelAll(id, honest2, gold, texts, q, (item, g, truth) -> truth));
    int labels = given.values().stream().mapToInt(List::size).sum();
    assertThat(given.get("bad")).hasSize(items);
    assertThat(labels).as("every labeler labels every item once").isEqualTo(3 * items);
    long job = await(() -> roundJob(id, 1), "round 1 queued");

    Connection lock = database();
    lock.setAutoCommit(false);
    String doomedId = "it-doomed-" + run;
    Worker doomed = null;
    try {
      // The worker can claim and score this round's job, but not write its results until the
      // lock goes: it is caught in the middle of the job, however fast the scoring is. Jobs other
      // suites left queued are locked too, so that it takes this one (claims skip locked rows).
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE validation_label_score IN SHARE MODE");
        s.executeQuery(
                "SELECT id FROM validation_job WHERE status IN ('PENDING', 'RUNNING')"
                    + " AND id <> "
                    + job
                    + " FOR UPDATE")
            .close();
      }
      doomed = ValidationWorkers.start(doomedId, Duration.ofSeconds(3));
      await(() -> roundJobHeldBy(id, 1, doomedId), "round 1 taken by " + doomedId);
      await(() -> workerWaitsOnTheLock() ? job : null, doomedId + " writing its results");
      doomed.kill();
      assertThat(Files.readString(doomed.log())).doesNotContain("finished job " + job);
    } finally {
      lock.rollback();
      lock.close();
      if (doomed != null) {
        doomed.close();
      }
    }
    assertThat(jobRow(job)).containsEntry("status", "RUNNING").containsEntry("attempts", "1");
    assertThat(pendingLabels(id)).as("nothing decided yet").isEqualTo(3 * items);

    String rescuerId = "it-rescuer-" + run;
    try (Worker rescuer = ValidationWorkers.start(rescuerId, Duration.ofSeconds(30))) {
      JsonNode done =
          awaitCampaign(contributor, id, c -> c.at("/validation/pending").asLong(-1) == 0);
      assertThat(
              done.at("/validation/accepted").asLong() + done.at("/validation/rejected").asLong())
          .isEqualTo(3L * items);
      assertThat(done.at("/validation/blockedLabelers").asInt()).isEqualTo(1);
      assertThat(done.at("/validation/failedRounds").asInt()).isZero();
      assertThat(done.at("/validation/paidAccepted").asLong())
          .as("the honest labelers' regular labels, and no gold")
          .isEqualTo(2L * (items - goldItems));
    }

    // the killed worker's job was finished once, by the other worker
    assertThat(jobRow(job))
        .containsEntry("status", "DONE")
        .containsEntry("leased_by", rescuerId)
        .containsEntry("attempts", "2");
    // each label decided once, by a round that listed it, and no round counted twice
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM"
                    + " campaign_round_label r WHERE r.lease_id = l.lease_id"
                    + " AND r.round = l.decided_round)),"
                    + " (SELECT sum(accepted + rejected) FROM campaign_validation_round"
                    + "  WHERE campaign_id = ?)"
                    + " FROM campaign_label l WHERE l.campaign_id = ? AND l.status <> 'PENDING'")) {
      s.setObject(1, UUID.fromString(id));
      s.setObject(2, UUID.fromString(id));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3L * items);
        assertThat(rs.getLong(2)).isEqualTo(3L * items);
        assertThat(rs.getLong(3)).isEqualTo(3L * items);
      }
    }

    // honest labels: ACCEPTED with high quality
    for (String token : List.of(honest1, honest2)) {
      JsonNode mine = JSON.readTree(api.get("/api/me/labels?campaign=" + id, token).body());
      assertThat(mine).hasSize(items);
      for (JsonNode l : mine) {
        assertThat(l.get("status").asText()).as(l.toString()).isEqualTo("ACCEPTED");
        assertThat(l.get("quality").asDouble()).as(l.toString()).isGreaterThanOrEqualTo(0.9);
      }
      JsonNode standing = standing(id, token);
      assertThat(standing.get("state").asText()).isEqualTo("QUALIFIED");
      assertThat(standing.get("reliability").asDouble()).isGreaterThan(0.8);
      assertThat(standing.at("/labels/accepted").asInt()).isEqualTo(items);
    }
    // the bad labeler: every inverted label REJECTED, and blocked with the reason
    JsonNode badLabels = JSON.readTree(api.get("/api/me/labels?campaign=" + id, bad).body());
    int rejected = 0;
    for (JsonNode l : badLabels) {
      String item = l.get("item").asText();
      boolean right = l.at("/labels/0").asText().equals(truth(texts.get(item)));
      if (!right) {
        assertThat(l.get("status").asText()).as(l.toString()).isEqualTo("REJECTED");
        assertThat(l.get("quality").asDouble()).as(l.toString()).isLessThan(THRESHOLD);
        rejected++;
      }
    }
    assertThat(rejected).isEqualTo(items - q);
    JsonNode blocked = standing(id, bad);
    assertThat(blocked.get("state").asText()).isEqualTo("BLOCKED");
    assertThat(blocked.get("blockReason").asText()).contains("far below the campaign's bar");
    assertThat(blocked.get("reliability").asDouble()).isLessThan(0.4);
    HttpResponse<String> refused = api.get("/api/campaigns/" + id + "/tasks/next", bad);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).get("detail").asText())
        .startsWith("you are blocked from this campaign: ")
        .contains("far below");

    // the consensus is the planted truth, for the owner's eyes only
    JsonNode outcomes =
        JSON.readTree(api.get("/api/campaigns/" + id + "/items?limit=100", contributor).body());
    assertThat(outcomes).hasSize(items);
    for (JsonNode o : outcomes) {
      String item = o.get("item").asText();
      assertThat(o.at("/consensus/0").asText()).as(o.toString()).isEqualTo(truth(texts.get(item)));
      assertThat(o.get("gold").asBoolean()).isEqualTo(gold.contains(item));
      if (!gold.contains(item)) {
        assertThat(o.get("complete").asBoolean()).isTrue();
        assertThat(o.get("labels").asInt()).isEqualTo(k);
        assertThat(o.get("accepted").asInt()).isEqualTo(2);
        assertThat(o.get("rejected").asInt()).isEqualTo(1);
        assertThat(o.get("confidence").asDouble()).isGreaterThan(0.9);
      }
    }
    assertThat(api.get("/api/campaigns/" + id + "/items", honest1).statusCode())
        .as("labelers never see each other's answers")
        .isEqualTo(403);
    JsonNode labelers =
        JSON.readTree(api.get("/api/campaigns/" + id + "/labelers", contributor).body());
    assertThat(labelers.get(0).get("state").asText()).isEqualTo("BLOCKED");
    close(contributor, id);
  }

  @Test
  void aLabelerWhoFailsTheQualificationRoundIsBlockedAndGetsNoPaidTask() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String careful = Keycloak.accessToken("datamint-cli", "labeler1");
    String careless = Keycloak.accessToken("datamint-cli", "labeler3");
    Map<String, String> texts = new LinkedHashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts, 8);
    List<String> ids = new ArrayList<>(texts.keySet());
    Set<String> gold = Set.copyOf(ids.subList(0, 3));

    HttpResponse<String> tooMany =
        api.post(
            "/api/campaigns",
            contributor,
            campaignJson(dataset, 1, ids.subList(0, 3), texts, 4, "1"));
    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
    assertThat(JSON.readTree(tooMany.body()).get("detail").asText())
        .contains("the qualification round asks 0 to 3 gold items");
    String id = createAndOpen(contributor, dataset, 1, ids.subList(0, 3), texts, 2, "1");
    JsonNode seen = JSON.readTree(api.get("/api/campaigns/" + id, careless).body());
    assertThat(seen.get("qualificationItems").asInt()).isEqualTo(2);

    // the careless labeler answers both qualification items wrong
    for (int answered = 0; answered < 2; answered++) {
      JsonNode standing = standing(id, careless);
      assertThat(standing.get("state").asText()).isEqualTo("QUALIFYING");
      assertThat(standing.at("/qualification/answered").asInt()).isEqualTo(answered);
      assertThat(standing.at("/qualification/items").asInt()).isEqualTo(2);
      JsonNode task = task(id, careless);
      String item = task.get("item").asText();
      assertThat(gold).as("only gold items while qualifying").contains(item);
      label(task.get("leaseId").asText(), careless, invert(truth(texts.get(item))));
    }
    JsonNode failed = standing(id, careless);
    assertThat(failed.get("state").asText()).isEqualTo("BLOCKED");
    assertThat(failed.get("blockReason").asText())
        .isEqualTo("qualification failed: 0 of 2 gold answers right, 2 needed");
    HttpResponse<String> refused = api.get("/api/campaigns/" + id + "/tasks/next", careless);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).get("detail").asText())
        .isEqualTo(
            "you are blocked from this campaign: qualification failed: 0 of 2 gold answers"
                + " right, 2 needed");
    JsonNode carelessLabels =
        JSON.readTree(api.get("/api/me/labels?campaign=" + id, careless).body());
    assertThat(carelessLabels).hasSize(2);
    carelessLabels.forEach(l -> assertThat(gold).contains(l.get("item").asText()));

    // the careful labeler passes and then gets paid work
    for (int answered = 0; answered < 2; answered++) {
      JsonNode task = task(id, careful);
      String item = task.get("item").asText();
      assertThat(gold).contains(item);
      label(task.get("leaseId").asText(), careful, truth(texts.get(item)));
    }
    assertThat(standing(id, careful).get("state").asText()).isEqualTo("QUALIFIED");
    JsonNode paid = task(id, careful);
    assertThat(gold).as("a paid task after qualifying").doesNotContain(paid.get("item").asText());
    close(contributor, id);
  }

  // ------------------------------------------------------------------------------------- helpers

  /** Creates the campaign, funds it and waits until it is OPEN; returns its id. */
  private String createAndOpen(
      String contributor,
      String dataset,
      int k,
      List<String> gold,
      Map<String, String> texts,
      int q,
      String budget)
      throws Exception {
    HttpResponse<String> created =
        api.post("/api/campaigns", contributor, campaignJson(dataset, k, gold, texts, q, budget));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    HttpResponse<String> funding = api.post("/api/campaigns/" + id + "/fund", contributor, "");
    assertThat(funding.statusCode()).as(funding.body()).isEqualTo(200);
    fixture.awaitCampaign(contributor, id, c -> "OPEN".equals(c.get("state").asText()));
    return id;
  }

  /** Closes the campaign, so that other suites' labelers no longer see it among the open ones. */
  private void close(String contributor, String id) throws Exception {
    HttpResponse<String> closed = api.post("/api/campaigns/" + id + "/close", contributor, "");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
  }

  private static String campaignJson(
      String dataset, int k, List<String> gold, Map<String, String> texts, int q, String budget) {
    ObjectNode c = JSON.createObjectNode();
    c.put("dataset", dataset);
    c.put("version", 1);
    c.put("title", "Meow or woof (validation)");
    c.put("instructions", "Is the sound a cat's or a dog's?");
    c.put("labelMode", "SINGLE");
    c.putArray("labels").add("cat").add("dog");
    c.put("labelsPerItem", k);
    ArrayNode g = c.putArray("gold");
    for (String item : gold) {
      ObjectNode o = g.addObject();
      o.put("item", item);
      o.putArray("labels").add(truth(texts.get(item)));
    }
    c.put("goldEvery", 5);
    c.put("qualificationItems", q);
    c.put("reward", "0.1");
    c.put("budget", budget);
    c.put("qualityThreshold", THRESHOLD);
    c.put("deadline", Instant.now().plus(Duration.ofHours(1)).toString());
    c.put("leaseSeconds", 120);
    return c.toString();
  }

  /**
   * The labeler labels until nothing is left, answering as {@code behaviour} says; checks that the
   * first {@code q} tasks are gold (the qualification round). Returns the items labeled.
   */
  private List<String> labelAll(
      String campaign,
      String token,
      Set<String> gold,
      Map<String, String> texts,
      int q,
      Behaviour behaviour)
      throws Exception {
    List<String> labeled = new ArrayList<>();
    for (int guard = 0; guard < 200; guard++) {
      HttpResponse<String> next = api.get("/api/campaigns/" + campaign + "/tasks/next", token);
      if (next.statusCode() == 204) {
        return labeled;
      }
      assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
      JsonNode task = JSON.readTree(next.body());
      String item = task.get("item").asText();
      boolean isGold = gold.contains(item);
      if (labeled.size() < q) {
        assertThat(isGold).as("task %d is a qualification item", labeled.size() + 1).isTrue();
      }
      assertThat(task.at("/content/fields/text").asText()).isEqualTo(texts.get(item));
      String answer = behaviour.answer(item, isGold, truth(texts.get(item)));
      label(task.get("leaseId").asText(), token, answer);
      labeled.add(item);
    }
    throw new AssertionError("more than 200 tasks for one labeler");
  }

  private JsonNode task(String campaign, String token) throws Exception {
    HttpResponse<String> next = api.get("/api/campaigns/" + campaign + "/tasks/next", token);
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    return JSON.readTree(next.body());
  }

  private void label(String lease, String token, String answer) throws Exception {
    HttpResponse<String> labeled =
        api.post("/api/tasks/" + lease + "/label", token, "{\"labels\": [\"" + answer + "\"]}");
    assertThat(labeled.statusCode()).as(labeled.body()).isEqualTo(200);
  }

  private JsonNode standing(String campaign, String token) throws Exception {
    HttpResponse<String> response = api.get("/api/campaigns/" + campaign + "/standing", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode awaitCampaign(
      String token, String id, java.util.function.Predicate<JsonNode> until) throws Exception {
    Instant deadline = Instant.now().plus(VALIDATED);
    JsonNode campaign = null;
    while (Instant.now().isBefore(deadline)) {
      campaign = JSON.readTree(api.get("/api/campaigns/" + id, token).body());
      if (until.test(campaign)) {
        return campaign;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not validated after " + VALIDATED + ": " + campaign);
  }

  /** The planted truth: the fixture's even rows meow, odd rows bark. */
  private static String truth(String text) {
    return text.startsWith("meow") ? "cat" : "dog";
  }

  private static String invert(String label) {
    return "cat".equals(label) ? "dog" : "cat";
  }

  private static <T> T await(Callable<T> probe, String what) throws Exception {
    Instant deadline = Instant.now().plus(VALIDATED);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.call();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + ": not seen within " + VALIDATED);
  }

  // ----------------------------------------------------------------- the database, read directly

  /** The job of the campaign's round once it is queued, else null. */
  private static Long roundJob(String campaign, int round) throws Exception {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT job_id FROM campaign_validation_round WHERE campaign_id = ? AND round = ?")) {
      s.setObject(1, UUID.fromString(campaign));
      s.setInt(2, round);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The job of the campaign's round when {@code worker} holds it RUNNING, else null. */
  private static Long roundJobHeldBy(String campaign, int round, String worker) throws Exception {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT j.id, j.status, j.leased_by FROM campaign_validation_round r"
                    + " JOIN validation_job j ON j.id = r.job_id"
                    + " WHERE r.campaign_id = ? AND r.round = ?")) {
      s.setObject(1, UUID.fromString(campaign));
      s.setInt(2, round);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && "RUNNING".equals(rs.getString(2))) {
          assertThat(rs.getString(3))
              .as("another worker on this database took the job (stop it: ./datamint stop worker)")
              .isEqualTo(worker);
          return rs.getLong(1);
        }
        return null;
      }
    }
  }

  /** Whether someone waits for a lock on the result table: the worker, writing its results. */
  private static boolean workerWaitsOnTheLock() throws Exception {
    try (Connection c = database();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE NOT granted"
                    + " AND relation = 'validation_label_score'::regclass")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static Map<String, String> jobRow(long job) throws Exception {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT status, leased_by, attempts FROM validation_job WHERE id = ?")) {
      s.setLong(1, job);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        Map<String, String> row = new HashMap<>();
        row.put("status", rs.getString(1));
        row.put("leased_by", rs.getString(2));
        row.put("attempts", Integer.toString(rs.getInt(3)));
        return row;
      }
    }
  }

  private static long pendingLabels(String campaign) throws Exception {
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND status = 'PENDING'")) {
      s.setObject(1, UUID.fromString(campaign));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
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
}
