package io.datamint.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.EscrowOnChain;
import io.datamint.it.support.Keycloak;
import io.datamint.it.support.ValidationWorkers;
import io.datamint.it.support.ValidationWorkers.Worker;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The campaign loop over REST with many items (issue #6): 200 items, k = 3, labeler1..3 working at
 * the same time until the queue is empty (labeler3 answers every tenth item wrong), a real
 * validation worker, the close, settlement and relayed claims. Every labeler is paid exactly what
 * the ledger credits for their accepted labels, on chain and in their wallet, and a claim asked
 * twice pays once.
 */
@ExtendWith(DeployedApp.class)
class CampaignAtScaleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITEMS = 200;
  private static final List<String> LABELERS = List.of("labeler1", "labeler2", "labeler3");
  private static final String REWARD = "0.5";
  private static final Duration SLOW = Duration.ofMinutes(4);

  private final ApiClient api = new ApiClient();
  private final CampaignFixture fixture = new CampaignFixture(api);

  @Test
  void twoHundredItemsLabeledValidatedSettledAndClaimedOverRest() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    Map<String, String> texts = new LinkedHashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts, ITEMS);
    String campaign = createAndOpen(contributor, dataset);

    try (Worker worker = ValidationWorkers.start("scale-" + campaign.substring(0, 8), SLOW);
        EscrowOnChain chain = new EscrowOnChain()) {
      // --- three labelers at the same time until nothing is left ---
      Map<String, Integer> wrong = new HashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(LABELERS.size());
      List<Future<int[]>> work = new ArrayList<>();
      for (String labeler : LABELERS) {
        work.add(pool.submit(() -> labelAll(campaign, labeler, texts)));
      }
      int total = 0;
      for (int i = 0; i < LABELERS.size(); i++) {
        int[] done = work.get(i).get();
        assertThat(done[0]).as(LABELERS.get(i) + ": one label per item").isEqualTo(ITEMS);
        wrong.put(LABELERS.get(i), done[1]);
        total += done[0];
      }
      pool.shutdown();
      assertThat(total).isEqualTo(3 * ITEMS);
      assertThat(wrong.get("labeler3")).isEqualTo(ITEMS / 10);

      // --- close; validation decides every label ---
      HttpResponse<String> closed =
          api.post("/api/campaigns/" + campaign + "/close", contributor, "");
      assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
      JsonNode validated =
          await(
              () -> {
                JsonNode c =
                    JSON.readTree(api.get("/api/campaigns/" + campaign, contributor).body());
                return c.at("/validation/pending").asLong() == 0 ? c : null;
              },
              "every label decided");
      long accepted = validated.at("/validation/paidAccepted").asLong();
      // the wrong answers are outvoted two to one: rejected, all others accepted
      assertThat(accepted).isEqualTo(3L * ITEMS - ITEMS / 10);

      // --- settlement, then each labeler claims (relayed) twice: paid once ---
      Map<String, BigInteger> expected = new HashMap<>();
      Map<String, String> wallets = new HashMap<>();
      Map<String, BigInteger> before = new HashMap<>();
      for (String labeler : LABELERS) {
        String token = Keycloak.accessToken("datamint-cli", labeler);
        String wallet = JSON.readTree(api.get("/api/me", token).body()).get("wallet").asText();
        wallets.put(labeler, wallet);
        before.put(labeler, chain.balance(wallet));
        BigInteger earned =
            TokenAmount.ofTokens(REWARD)
                .units()
                .multiply(BigInteger.valueOf(ITEMS - wrong.get(labeler)));
        expected.put(labeler, earned);
        await(
            () ->
                units(rewards(token, campaign).get("claimable").asText()).equals(earned)
                    ? true
                    : null,
            labeler + " settled");
        HttpResponse<String> claim =
            api.post("/api/campaigns/" + campaign + "/rewards/claim", token, "");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(202);
      }
      for (String labeler : LABELERS) {
        String token = Keycloak.accessToken("datamint-cli", labeler);
        await(
            () ->
                units(rewards(token, campaign).get("claimed").asText())
                        .equals(expected.get(labeler))
                    ? true
                    : null,
            labeler + " paid");
        HttpResponse<String> again =
            api.post("/api/campaigns/" + campaign + "/rewards/claim", token, "");
        assertThat(again.statusCode()).as(labeler + ": " + again.body()).isEqualTo(409);
        assertThat(chain.claimed(campaign, wallets.get(labeler)))
            .as(labeler + ": paid by the escrow")
            .isEqualTo(expected.get(labeler));
        assertThat(chain.balance(wallets.get(labeler)).subtract(before.get(labeler)))
            .as(labeler + ": received")
            .isEqualTo(expected.get(labeler));
      }
      assertThat(chain.entitled(campaign))
          .isEqualTo(expected.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
      assertThat(worker.isAlive()).isTrue();
    }
  }

  /** Labels until the queue has nothing left; answers {labels given, wrong answers}. */
  private int[] labelAll(String campaign, String labeler, Map<String, String> texts)
      throws Exception {
    String token = Keycloak.accessToken("datamint-cli", labeler);
    int given = 0;
    int wrong = 0;
    while (true) {
      HttpResponse<String> next = api.get("/api/campaigns/" + campaign + "/tasks/next", token);
      if (next.statusCode() == 204) {
        return new int[] {given, wrong};
      }
      assertThat(next.statusCode()).as(labeler + ": " + next.body()).isEqualTo(200);
      JsonNode task = JSON.readTree(next.body());
      String item = task.get("item").asText();
      String truth = texts.get(item).startsWith("meow") ? "cat" : "dog";
      boolean mistake = labeler.equals("labeler3") && ordinal(item) % 10 == 0;
      String answer = mistake ? (truth.equals("cat") ? "dog" : "cat") : truth;
      HttpResponse<String> labeled =
          api.post(
              "/api/tasks/" + task.get("leaseId").asText() + "/label",
              token,
              "{\"labels\": [\"" + answer + "\"]}");
      assertThat(labeled.statusCode()).as(labeler + ": " + labeled.body()).isEqualTo(200);
      given++;
      if (mistake) {
        wrong++;
      }
    }
  }

  private static int ordinal(String item) {
    return Integer.parseInt(item.substring(item.lastIndexOf('-') + 1));
  }

  private String createAndOpen(String contributor, String dataset) throws Exception {
    ObjectNode c = JSON.createObjectNode();
    c.put("dataset", dataset);
    c.put("version", 1);
    c.put("title", "At scale " + UUID.randomUUID().toString().substring(0, 8));
    c.put("instructions", "Is the sound a cat's or a dog's?");
    c.put("labelMode", "SINGLE");
    c.putArray("labels").add("cat").add("dog");
    c.put("labelsPerItem", 3);
    c.put("reward", REWARD);
    c.put("budget", "300"); // 0.5 × 3 × 200
    c.put("qualityThreshold", 0.6);
    c.put("deadline", Instant.now().plus(Duration.ofHours(1)).toString());
    c.put("leaseSeconds", 120);
    HttpResponse<String> created = api.post("/api/campaigns", contributor, c.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    HttpResponse<String> funding = api.post("/api/campaigns/" + id + "/fund", contributor, "");
    assertThat(funding.statusCode()).as(funding.body()).isEqualTo(200);
    fixture.awaitCampaign(contributor, id, j -> "OPEN".equals(j.get("state").asText()));
    return id;
  }

  private JsonNode rewards(String token, String campaign) throws Exception {
    HttpResponse<String> response = api.get("/api/campaigns/" + campaign + "/rewards", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static BigInteger units(String tokens) {
    return TokenAmount.ofTokens(tokens).units();
  }

  private static <T> T await(Callable<T> until, String what) throws Exception {
    Instant deadline = Instant.now().plus(SLOW);
    while (Instant.now().isBefore(deadline)) {
      T found = until.call();
      if (found != null) {
        return found;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not within " + SLOW + ": " + what);
  }
}
