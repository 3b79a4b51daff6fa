package io.datamint.it.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.chain.generated.DataNFT;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import io.datamint.it.support.Stack;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * Approval puts the dataset on chain: against the deployed WAR, Kubo, Keycloak and the stack's
 * anvil, a contributor's upload approved by an admin is minted to the contributor's custodial
 * wallet with {@code tokenURI = ipfs://<metadata CID>}, a later version is published on the same
 * token, and an approval while the chain is down is accepted, waits with a message and is minted
 * once the chain is back. Everything asserted about the chain is read from the chain itself.
 */
@ExtendWith(DeployedApp.class)
class MintOnApprovalIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROCESSING = Duration.ofSeconds(90);
  private static final Duration ON_CHAIN = Duration.ofSeconds(90);

  private static Web3j web3j;

  private final ApiClient api = new ApiClient();

  @BeforeAll
  static void connect() {
    String rpc = System.getenv("DATAMINT_CHAIN_RPC");
    web3j = Web3j.build(new HttpService(rpc == null ? "http://127.0.0.1:8545" : rpc));
  }

  @AfterAll
  static void disconnect() {
    web3j.shutdown();
  }

  @Test
  void anApprovedDatasetIsMintedToTheContributorsWalletAndALaterVersionIsPublished()
      throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String wallet = JSON.readTree(api.get("/api/me", contributor).body()).get("wallet").asText();
    String id = uploadAndAwaitReview(contributor);

    HttpResponse<String> approved = api.post("/api/admin/datasets/" + id + "/approve", admin, "");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode queued = JSON.readTree(approved.body()).get("token");
    assertThat(queued).as("the approval queues the mint in its own transaction").isNotNull();
    assertThat(queued.get("status").asText()).isIn("QUEUED", "SUBMITTED", "MINTED");

    JsonNode dataset =
        awaitDataset(
            contributor,
            id,
            d -> isTrue(d.at("/token/confirmed")) && d.at("/token/listing").isTextual());
    JsonNode token = dataset.get("token");
    assertThat(token.get("status").asText()).isEqualTo("MINTED");
    assertThat(token.hasNonNull("message")).isFalse();
    assertThat(token.get("transaction").asText()).matches("0x[0-9a-f]{64}");
    assertThat(token.get("listing").asText()).isEqualTo("LISTED");
    BigInteger tokenId = BigInteger.valueOf(token.get("tokenId").asLong());
    DataNFT nft = dataNft(token.get("dataNft").asText());
    String metadataCid = dataset.get("versions").get(0).get("metadataCid").asText();

    assertThat(nft.ownerOf(tokenId).send()).isEqualToIgnoringCase(wallet);
    assertThat(nft.tokenURI(tokenId).send()).isEqualTo("ipfs://" + metadataCid);
    String datatoken = nft.datatokenOf(tokenId).send();
    assertThat(datatoken).isEqualToIgnoringCase(token.get("datatoken").asText());
    assertThat(codeAt(datatoken)).as("the datatoken is a deployed contract").isNotEqualTo("0x");
    assertThat(
            web3j
                .ethGetTransactionReceipt(token.get("transaction").asText())
                .send()
                .getTransactionReceipt()
                .orElseThrow()
                .isStatusOK())
        .isTrue();

    HttpResponse<String> second =
        api.send(
            api.request("/api/datasets/" + id + "/versions", contributor),
            Map.of(),
            "v2.csv",
            csv());
    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
    awaitDataset(contributor, id, d -> "PENDING_REVIEW".equals(versionState(d, 2)));
    assertThat(api.post("/api/admin/datasets/" + id + "/approve", admin, "").statusCode())
        .isEqualTo(200);

    JsonNode afterV2 =
        awaitDataset(
            contributor,
            id,
            d -> "PUBLISHED".equals(d.at("/token/versions/0/status").asText(null)));
    JsonNode published = afterV2.at("/token/versions/0");
    assertThat(published.get("version").asInt()).isEqualTo(2);
    assertThat(published.get("chainVersion").asLong()).isEqualTo(2);
    assertThat(afterV2.at("/token/tokenId").asLong()).isEqualTo(tokenId.longValue());
    assertThat(nft.versionOf(tokenId).send()).isEqualTo(BigInteger.TWO);
    assertThat(nft.tokenURI(tokenId).send())
        .isEqualTo("ipfs://" + afterV2.get("versions").get(1).get("metadataCid").asText());
    assertThat(nft.ownerOf(tokenId).send()).isEqualToIgnoringCase(wallet);
  }

  @Test
  void anApprovalWhileTheChainIsDownIsAcceptedWaitsWithAMessageAndIsMintedWhenTheChainIsBack()
      throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String wallet = JSON.readTree(api.get("/api/me", contributor).body()).get("wallet").asText();
    String id = uploadAndAwaitReview(contributor);

    JsonNode waiting;
    Stack.stop("anvil");
    try {
      HttpResponse<String> approved = api.post("/api/admin/datasets/" + id + "/approve", admin, "");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      assertThat(JSON.readTree(approved.body()).get("state").asText()).isEqualTo("LISTED");

      waiting = awaitDataset(contributor, id, d -> d.at("/token/message").isTextual()).get("token");
    } finally {
      Stack.start("anvil");
    }
    assertThat(waiting.get("status").asText()).isEqualTo("QUEUED");
    assertThat(waiting.get("message").asText()).contains("the chain is unavailable");
    assertThat(waiting.hasNonNull("tokenId")).isFalse();

    JsonNode token =
        awaitDataset(contributor, id, d -> "MINTED".equals(d.at("/token/status").asText(null)))
            .get("token");
    assertThat(token.hasNonNull("message")).isFalse();
    BigInteger tokenId = BigInteger.valueOf(token.get("tokenId").asLong());
    assertThat(dataNft(token.get("dataNft").asText()).ownerOf(tokenId).send())
        .isEqualToIgnoringCase(wallet);
  }

  @Test
  void othersSeeTheTokenOnlyOnceListed() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String buyer = Keycloak.accessToken("datamint-cli", "buyer");
    String id = uploadAndAwaitReview(contributor);

    JsonNode before = JSON.readTree(api.get("/api/datasets/" + id, contributor).body());

    assertThat(before.has("token")).as("nothing queued before the approval").isFalse();
    assertThat(api.get("/api/datasets/" + id, buyer).statusCode()).isEqualTo(404);
  }

  // --- helpers ---

  private DataNFT dataNft(String address) {
    return DataNFT.load(
        address,
        web3j,
        new ReadonlyTransactionManager(web3j, address),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
  }

  private static String codeAt(String address) throws Exception {
    return web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
  }

  private static boolean isTrue(JsonNode node) {
    return node.isBoolean() && node.asBoolean();
  }

  private static String versionState(JsonNode dataset, int number) {
    JsonNode versions = dataset.get("versions");
    return versions.size() < number ? null : versions.get(number - 1).get("state").asText();
  }

  /** A small labeled CSV, unique per call so that it was never stored before. */
  private static byte[] csv() {
    return ("label,text,id\ncat,meow,1\ndog,woof,2\ncat,purr," + UUID.randomUUID() + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String uploadAndAwaitReview(String contributor) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Pets on chain");
    fields.put("description", "Cats and dogs, labeled.");
    fields.put("license", "CC-BY-4.0");
    HttpResponse<String> upload =
        api.send(api.request("/api/datasets", contributor), fields, "pets.csv", csv());
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String id = JSON.readTree(upload.body()).get("id").asText();
    JsonNode dataset =
        awaitDataset(
            contributor,
            id,
            d ->
                !Map.of("UPLOADING", 1, "INSPECTING", 1, "STORING", 1)
                    .containsKey(versionState(d, 1)),
            PROCESSING);
    assertThat(versionState(dataset, 1)).as(dataset.toString()).isEqualTo("PENDING_REVIEW");
    return id;
  }

  private JsonNode awaitDataset(String token, String id, Predicate<JsonNode> until)
      throws Exception {
    return awaitDataset(token, id, until, ON_CHAIN);
  }

  private JsonNode awaitDataset(
      String token, String id, Predicate<JsonNode> until, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode dataset = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = api.pollOnce("/api/datasets/" + id, token);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      dataset = JSON.readTree(response.body());
      if (until.test(dataset)) {
        return dataset;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not there after " + timeout + ": " + dataset);
  }
}
