package io.datamint.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.chain.generated.RewardEscrow;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The first half of the labeling loop over REST, against the deployed WAR and the stack: a
 * contributor's approved CSV becomes a campaign, funding deposits the budget into the reward escrow
 * (checked on chain with web3j) and opens it, and labeler1..3 lease and label until every item has
 * k labels, while the owner gets no task, a replayed label is not counted twice and an expired
 * lease gives its item back.
 */
@ExtendWith(DeployedApp.class)
class CampaignApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITEMS = CampaignFixture.ITEMS;
  private static final int K = CampaignFixture.K;

  private static Web3j web3j;
  private final ApiClient api = new ApiClient();
  private final CampaignFixture fixture = new CampaignFixture(api);

  @BeforeAll
  static void connect() {
    web3j = Web3j.build(new HttpService(env("DATAMINT_CHAIN_RPC", "http://127.0.0.1:8545")));
  }

  @AfterAll
  static void disconnect() {
    web3j.shutdown();
  }

  @Test
  void aFundedCampaignOpensAndThreeLabelersLabelEveryItemKTimes() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String[] labelers = {
      Keycloak.accessToken("datamint-cli", "labeler1"),
      Keycloak.accessToken("datamint-cli", "labeler2"),
      Keycloak.accessToken("datamint-cli", "labeler3")
    };
    Map<String, String> texts = new HashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts);

    // an under-funded campaign is refused with the arithmetic
    HttpResponse<String> poor =
        api.post("/api/campaigns", contributor, CampaignFixture.campaign(dataset, "1"));
    assertThat(poor.statusCode()).as(poor.body()).isEqualTo(400);
    assertThat(JSON.readTree(poor.body()).get("detail").asText()).contains("does not cover");

    HttpResponse<String> created =
        api.post("/api/campaigns", contributor, CampaignFixture.campaign(dataset, "12"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode draft = JSON.readTree(created.body());
    String id = draft.get("id").asText();
    assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
    assertThat(draft.at("/counts/items").asLong()).isEqualTo(ITEMS);
    assertThat(draft.at("/counts/slots").asLong()).isEqualTo(ITEMS * K);
    assertThat(api.get("/api/campaigns/" + id + "/tasks/next", labelers[0]).statusCode())
        .as("a draft is not visible to labelers")
        .isEqualTo(404);

    // funding: the deposit is confirmed on chain before the campaign opens
    HttpResponse<String> funding = api.post("/api/campaigns/" + id + "/fund", contributor, "");
    assertThat(funding.statusCode()).as(funding.body()).isEqualTo(200);
    assertThat(JSON.readTree(funding.body()).get("state").asText()).isEqualTo("FUNDING");
    JsonNode open =
        fixture.awaitCampaign(contributor, id, c -> "OPEN".equals(c.get("state").asText()));
    assertThat(open.at("/funding/status").asText()).isEqualTo("DONE");
    assertThat(open.at("/funding/transaction").asText()).matches("0x[0-9a-f]{64}");
    RewardEscrow.Campaign books = escrow().campaignOf(campaignKey(id)).send();
    assertThat(books.deposited).isEqualTo(TokenAmount.ofTokens("12").units());
    assertThat(books.funder)
        .isEqualToIgnoringCase(
            JSON.readTree(api.get("/api/me", contributor).body()).get("wallet").asText());
    assertThat(
            web3j
                .ethGetTransactionReceipt(open.at("/funding/transaction").asText())
                .send()
                .getTransactionReceipt()
                .orElseThrow()
                .isStatusOK())
        .isTrue();

    // the dataset's owner never gets a task
    HttpResponse<String> own = api.get("/api/campaigns/" + id + "/tasks/next", contributor);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(JSON.readTree(own.body()).get("detail").asText()).contains("owner");

    // a lease that expires gives its item back, and a late label is refused
    JsonNode late = task(id, labelers[0]);
    String lateItem = late.get("item").asText();
    assertThat(late.at("/content/fields/text").asText()).isEqualTo(texts.get(lateItem));
    assertThat(late.at("/content/fields").has("label"))
        .as("the dataset's own label is never shown")
        .isFalse();
    assertThat(task(id, labelers[0]).get("leaseId").asText())
        .as("one task at a time: the same lease again")
        .isEqualTo(late.get("leaseId").asText());
    Thread.sleep(Duration.ofSeconds(6).toMillis());
    HttpResponse<String> tooLate = label(late.get("leaseId").asText(), labelers[0], "cat");
    assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
    assertThat(JSON.readTree(tooLate.body()).get("detail").asText()).contains("expired");

    // everyone labels until nothing is left; one replay on the way
    Map<String, Set<Integer>> labelersPerItem = new HashMap<>();
    boolean replayed = false;
    boolean[] finished = new boolean[labelers.length];
    int rounds = 0;
    while (!(finished[0] && finished[1] && finished[2]) && rounds++ < 50) {
      for (int who = 0; who < labelers.length; who++) {
        if (finished[who]) {
          continue;
        }
        HttpResponse<String> next = api.get("/api/campaigns/" + id + "/tasks/next", labelers[who]);
        if (next.statusCode() == 204) {
          finished[who] = true;
          continue;
        }
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        JsonNode task = JSON.readTree(next.body());
        String item = task.get("item").asText();
        assertThat(task.at("/content/fields/text").asText()).isEqualTo(texts.get(item));
        String lease = task.get("leaseId").asText();
        HttpResponse<String> given = label(lease, labelers[who], "dog");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        if (!replayed) {
          HttpResponse<String> again = label(lease, labelers[who], "dog");
          assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
          assertThat(JSON.readTree(again.body()).get("leaseId").asText()).isEqualTo(lease);
          HttpResponse<String> changed = label(lease, labelers[who], "cat");
          assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
          replayed = true;
        }
        assertThat(labelersPerItem.computeIfAbsent(item, k -> new HashSet<>()).add(who))
            .as("labeler " + (who + 1) + " got " + item + " twice")
            .isTrue();
      }
    }

    assertThat(labelersPerItem).hasSize(ITEMS);
    labelersPerItem.values().forEach(by -> assertThat(by).hasSize(K));
    assertThat(labelersPerItem.get(lateItem))
        .as("the item of the expired lease went to the two others")
        .doesNotContain(0);
    JsonNode done = JSON.readTree(api.get("/api/campaigns/" + id, contributor).body());
    assertThat(done.at("/counts/labeled").asLong()).as("the replay is not counted").isEqualTo(8);
    assertThat(done.at("/counts/completeItems").asLong()).isEqualTo(ITEMS);
    assertThat(done.at("/counts/remaining").asLong()).isZero();
    int total = 0;
    for (String labeler : labelers) {
      JsonNode mine = JSON.readTree(api.get("/api/me/labels?campaign=" + id, labeler).body());
      for (JsonNode l : mine) {
        assertThat(l.get("status").asText()).isEqualTo("PENDING");
        assertThat(l.get("labels").get(0).asText()).isEqualTo("dog");
      }
      total += mine.size();
    }
    assertThat(total).isEqualTo(8);

    // pause, resume, close
    assertThat(api.post("/api/campaigns/" + id + "/pause", contributor, "").statusCode())
        .isEqualTo(200);
    assertThat(api.get("/api/campaigns/" + id + "/tasks/next", labelers[0]).statusCode())
        .as("paused: no new tasks")
        .isEqualTo(409);
    assertThat(api.post("/api/campaigns/" + id + "/pause", labelers[0], "").statusCode())
        .as("labelers cannot steer campaigns")
        .isEqualTo(403);
    assertThat(api.post("/api/campaigns/" + id + "/resume", contributor, "").statusCode())
        .isEqualTo(200);
    HttpResponse<String> closed =
        api.post("/api/campaigns/" + id + "/close", contributor, "{\"note\": \"enough\"}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    JsonNode after = JSON.readTree(closed.body());
    assertThat(after.get("state").asText()).isEqualTo("CLOSED");
    assertThat(after.get("closeReason").asText()).isEqualTo("BY_OWNER");
    assertThat(after.at("/refund/status").asText())
        .as("the refund waits for the deadline and the settlement of the labels")
        .isIn("QUEUED", "SUBMITTED");
  }

  // --- helpers ---

  private JsonNode task(String campaign, String token) throws Exception {
    HttpResponse<String> next = api.get("/api/campaigns/" + campaign + "/tasks/next", token);
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    return JSON.readTree(next.body());
  }

  private HttpResponse<String> label(String lease, String token, String label) throws Exception {
    return api.post("/api/tasks/" + lease + "/label", token, "{\"labels\": [\"" + label + "\"]}");
  }

  private static RewardEscrow escrow() throws Exception {
    DatamintContracts contracts =
        DatamintContracts.read(
            Path.of(env("DATAMINT_CHAIN_CONTRACTS", "../var/chain/contracts.json")));
    String address = contracts.rewardEscrow().value();
    return RewardEscrow.load(
        address,
        web3j,
        new ReadonlyTransactionManager(web3j, address),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
  }

  private static byte[] campaignKey(String id) {
    return Web3jRewardEscrow.campaignKey(EscrowCampaignId.of(UUID.fromString(id)));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
