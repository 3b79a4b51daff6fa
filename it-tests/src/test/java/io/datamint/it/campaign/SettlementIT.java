package io.datamint.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.generated.RewardEscrow;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

/**
 * Flow 4 end to end over REST against the deployed WAR, the database and the chain: accepted labels
 * credit the payout ledger, settlement epochs post Merkle roots by themselves, relayed claims pay
 * the labelers, and the escrow's books ({@code claimed}, token balances) equal the ledger; a crash
 * while a root is on its way resumes the same epoch, and a replayed {@code RewardClaimed} event
 * changes nothing.
 *
 * <p>Validation (flow 3) sets label statuses in production, through the worker pool
 * (CampaignValidationIT and CampaignLoopInBrowserIT test that way). To decide precisely which label
 * is rejected and when, this suite writes the verdicts directly in the database, in the columns
 * validation writes (status, quality, the deciding round, its time), once: no worker runs here, so
 * the application's rounds stay in flight and never touch them.
 *
 * <p>Needs the settlement period small ({@code it.settlement.seconds}, 5 s by default) and its own
 * chain: the crash test switches anvil's automine off for a while.
 */
@ExtendWith(DeployedApp.class)
class SettlementIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal REWARD = new BigDecimal("1.5");
  private static final Duration SETTLED = Duration.ofSeconds(120);
  private static final String[] LABELERS = {"labeler1", "labeler2", "labeler3"};

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
  void acceptedLabelsAreSettledAndClaimedAndTheChainPaysExactlyTheLedger() throws Exception {
    Map<String, String> tokens = tokens();
    String campaign = fundedAndLabeled(tokens);
    Map<String, List<UUID>> labels = labelsByLabeler(campaign);
    UUID rejected = labels.get("labeler3").get(0);
    setStatuses(campaign, rejected);

    Map<String, BigDecimal> expected = earned(labels, rejected);
    for (String who : LABELERS) {
      JsonNode settled =
          awaitRewards(tokens.get(who), campaign, r -> equal(r, "settled", expected.get(who)));
      assertThat(decimal(settled, "earned")).isEqualByComparingTo(expected.get(who));
      assertThat(settled.get("settledEpoch").asInt()).isEqualTo(1);
      assertThat(decimal(settled, "claimable")).isEqualByComparingTo(expected.get(who));
    }
    BigInteger total = units(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    RewardEscrow.Campaign books = escrow().campaignOf(campaignKey(campaign)).send();
    assertThat(books.entitled).isEqualTo(total);
    assertThat(books.epoch).isEqualTo(BigInteger.ONE);

    Map<String, BigInteger> before = balances(tokens);
    claimAll(tokens, campaign);
    assertPaidExactlyTheLedger(tokens, campaign, expected, before);

    HttpResponse<String> again =
        api.post("/api/campaigns/" + campaign + "/rewards/claim", tokens.get("labeler1"), "");
    assertThat(again.statusCode()).as("nothing left to claim: " + again.body()).isEqualTo(409);

    // a replayed RewardClaimed event (the escrow's indexer reads the chain again from the
    // deployment) never counts twice
    long payments = payments(campaign);
    forgetRewardEventCheckpoint();
    awaitTrue(() -> rewardEventCheckpointExists(), "the escrow's events read again");
    Thread.sleep(3000);
    assertThat(payments(campaign)).isEqualTo(payments);
    for (String who : LABELERS) {
      JsonNode mine = rewards(tokens.get(who), campaign);
      assertThat(decimal(mine, "claimed")).isEqualByComparingTo(expected.get(who));
      assertThat(decimal(mine, "claimable")).isZero();
    }
  }

  @Test
  void aCrashWhileTheRootIsOnItsWayResumesTheSameEpochAndPaysOnce() throws Exception {
    Map<String, String> tokens = tokens();
    String campaign = fundedAndLabeled(tokens);
    Map<String, List<UUID>> labels = labelsByLabeler(campaign);

    // epoch 1: each labeler's first label
    List<UUID> first = new ArrayList<>();
    labels.values().forEach(ids -> first.add(ids.get(0)));
    accept(campaign, first);
    for (String who : LABELERS) {
      awaitRewards(tokens.get(who), campaign, r -> equal(r, "settled", REWARD));
    }

    // epoch 2 is broadcast but not mined; the application is killed while it waits
    String key = "campaign:settle:" + campaign + ":2";
    try {
      automine(false);
      acceptAllPending(campaign);
      awaitTrue(() -> "SENT".equals(transactionStatus(key)), key + " recorded");
      String root = transactionHash(key);
      awaitTrue(
          () -> web3j.ethGetTransactionByHash(root).send().getTransaction().isPresent(),
          key + " broadcast: " + root + " in the node's pool");
      assertThat(web3j.ethGetTransactionReceipt(root).send().getTransactionReceipt())
          .as("not mined while automine is off")
          .isEmpty();
      DeployedApp.crashAndRestart();
    } finally {
      automine(true);
    }
    rpc("evm_mine");

    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    labels.forEach(
        (who, ids) -> expected.put(who, REWARD.multiply(BigDecimal.valueOf(ids.size()))));
    for (String who : LABELERS) {
      JsonNode settled =
          awaitRewards(tokens.get(who), campaign, r -> equal(r, "settled", expected.get(who)));
      assertThat(settled.get("settledEpoch").asInt()).isEqualTo(2);
    }
    assertThat(settlementsPosted(campaign))
        .as("one SettlementPosted per epoch: the resumed epoch 2 was not posted again")
        .containsExactly(BigInteger.ONE, BigInteger.TWO);
    RewardEscrow.Campaign books = escrow().campaignOf(campaignKey(campaign)).send();
    assertThat(books.epoch).isEqualTo(BigInteger.TWO);
    assertThat(books.entitled)
        .isEqualTo(units(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));

    Map<String, BigInteger> before = balances(tokens);
    claimAll(tokens, campaign);
    assertPaidExactlyTheLedger(tokens, campaign, expected, before);
  }

  @Test
  void afterTheDeadlineTheRefundIsExactlyWhatNoLabelerIsEntitledToAndEntitlementsStayClaimable()
      throws Exception {
    Map<String, String> tokens = tokens();
    String contributor = tokens.get("contributor");
    // a budget above the required 12, and a deadline close enough to wait for
    String campaign = fundedAndLabeled(tokens, "14", Duration.ofSeconds(60));
    Instant deadline =
        Instant.parse(
            JSON.readTree(api.get("/api/campaigns/" + campaign, contributor).body())
                .get("deadline")
                .asText());
    String owner = wallet(contributor);
    BigInteger ownerBefore = token().balanceOf(owner).send();
    Map<String, List<UUID>> labels = labelsByLabeler(campaign);
    UUID rejected = labels.get("labeler1").get(0);
    setStatuses(campaign, rejected);
    BigDecimal entitled =
        REWARD.multiply(BigDecimal.valueOf(CampaignFixture.ITEMS * CampaignFixture.K - 1));
    for (String who : LABELERS) {
      awaitRewards(
          tokens.get(who),
          campaign,
          r ->
              decimal(r, "settled").signum() > 0 && decimal(r, "awaitingSettlement").signum() == 0);
    }

    JsonNode refunded =
        fixture.awaitCampaign(
            contributor, campaign, c -> "DONE".equals(c.at("/refund/status").asText(null)));
    assertThat(Instant.now()).isAfter(deadline);
    assertThat(refunded.get("state").asText()).isEqualTo("CLOSED");
    BigInteger refund = units(new BigDecimal("14").subtract(entitled));
    RewardEscrow.Campaign books = escrow().campaignOf(campaignKey(campaign)).send();
    assertThat(books.closed).isTrue();
    assertThat(books.entitled).isEqualTo(units(entitled));
    assertThat(books.refunded).as("the budget no labeler is entitled to").isEqualTo(refund);
    assertThat(token().balanceOf(owner).send().subtract(ownerBefore)).isEqualTo(refund);

    Map<String, BigDecimal> expected = earned(labels, rejected);
    Map<String, BigInteger> before = balances(tokens);
    claimAll(tokens, campaign);
    assertPaidExactlyTheLedger(tokens, campaign, expected, before);
  }

  // --- steps ---

  private static Map<String, String> tokens() throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("contributor", Keycloak.accessToken("datamint-cli", "contributor"));
    tokens.put("admin", Keycloak.accessToken("datamint-cli", "admin"));
    for (String who : LABELERS) {
      tokens.put(who, Keycloak.accessToken("datamint-cli", who));
    }
    return tokens;
  }

  /** An open campaign of ITEMS × K labels, every one given by labeler1..3 (PENDING). */
  private String fundedAndLabeled(Map<String, String> tokens) throws Exception {
    return fundedAndLabeled(tokens, "12", null);
  }

  private String fundedAndLabeled(Map<String, String> tokens, String budget, Duration lifetime)
      throws Exception {
    String contributor = tokens.get("contributor");
    String dataset = fixture.publishAndApprove(contributor, tokens.get("admin"), new HashMap<>());
    String terms = CampaignFixture.campaign(dataset, budget);
    if (lifetime != null) {
      Instant deadline = Instant.now().plus(lifetime);
      terms = terms.replaceFirst("\"deadline\": \"[^\"]+\"", "\"deadline\": \"" + deadline + "\"");
      assertThat(terms).contains(deadline.toString());
    }
    HttpResponse<String> created = api.post("/api/campaigns", contributor, terms);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    assertThat(api.post("/api/campaigns/" + id + "/fund", contributor, "").statusCode())
        .isEqualTo(200);
    fixture.awaitCampaign(contributor, id, c -> "OPEN".equals(c.get("state").asText()));
    boolean[] finished = new boolean[LABELERS.length];
    for (int round = 0; round < 20 && !(finished[0] && finished[1] && finished[2]); round++) {
      for (int who = 0; who < LABELERS.length; who++) {
        if (finished[who]) {
          continue;
        }
        String token = tokens.get(LABELERS[who]);
        HttpResponse<String> next = api.get("/api/campaigns/" + id + "/tasks/next", token);
        if (next.statusCode() == 204) {
          finished[who] = true;
          continue;
        }
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        String lease = JSON.readTree(next.body()).get("leaseId").asText();
        HttpResponse<String> given =
            api.post("/api/tasks/" + lease + "/label", token, "{\"labels\": [\"dog\"]}");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
      }
    }
    return id;
  }

  /** What each labeler earns: the reward for each of their labels but the rejected one. */
  private static Map<String, BigDecimal> earned(Map<String, List<UUID>> labels, UUID rejected) {
    Map<String, BigDecimal> earned = new LinkedHashMap<>();
    labels.forEach(
        (who, ids) ->
            earned.put(
                who,
                REWARD.multiply(
                    BigDecimal.valueOf(ids.stream().filter(i -> !i.equals(rejected)).count()))));
    return earned;
  }

  private void claimAll(Map<String, String> tokens, String campaign) throws Exception {
    for (String who : LABELERS) {
      HttpResponse<String> claim =
          api.post("/api/campaigns/" + campaign + "/rewards/claim", tokens.get(who), "");
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(202);
      assertThat(JSON.readTree(claim.body()).get("operation").asText())
          .startsWith("campaign:claim:" + campaign);
    }
  }

  private void assertPaidExactlyTheLedger(
      Map<String, String> tokens,
      String campaign,
      Map<String, BigDecimal> expected,
      Map<String, BigInteger> before)
      throws Exception {
    for (String who : LABELERS) {
      JsonNode paid =
          awaitRewards(tokens.get(who), campaign, r -> equal(r, "claimed", expected.get(who)));
      assertThat(decimal(paid, "claimable")).isZero();
      assertThat(paid.get("claimTransactions")).isNotEmpty();
      String wallet = wallet(tokens.get(who));
      assertThat(escrow().claimed(campaignKey(campaign), wallet).send())
          .as(who + ": claimed on chain")
          .isEqualTo(units(expected.get(who)));
      assertThat(token().balanceOf(wallet).send().subtract(before.get(who)))
          .as(who + ": tokens received")
          .isEqualTo(units(expected.get(who)));
    }
  }

  private Map<String, BigInteger> balances(Map<String, String> tokens) throws Exception {
    Map<String, BigInteger> balances = new HashMap<>();
    for (String who : LABELERS) {
      balances.put(who, token().balanceOf(wallet(tokens.get(who))).send());
    }
    return balances;
  }

  private String wallet(String token) throws Exception {
    return JSON.readTree(api.get("/api/me", token).body()).get("wallet").asText();
  }

  private JsonNode rewards(String token, String campaign) throws Exception {
    HttpResponse<String> response = api.get("/api/campaigns/" + campaign + "/rewards", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode mine = JSON.readTree(response.body());
    if (decimal(mine, "earned").signum() > 0) {
      // the same in the list of all the caller's rewards
      JsonNode all = JSON.readTree(api.get("/api/me/rewards", token).body());
      JsonNode listed = null;
      for (JsonNode r : all) {
        listed = r.get("campaign").asText().equals(campaign) ? r : listed;
      }
      assertThat(listed).as("listed in /api/me/rewards: " + all).isNotNull();
      assertThat(decimal(listed, "earned")).isEqualByComparingTo(decimal(mine, "earned"));
    }
    return mine;
  }

  private JsonNode awaitRewards(
      String token, String campaign, java.util.function.Predicate<JsonNode> until)
      throws Exception {
    Instant deadline = Instant.now().plus(SETTLED);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = rewards(token, campaign);
      if (until.test(last)) {
        return last;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not there after " + SETTLED + ": " + last);
  }

  private static boolean equal(JsonNode rewards, String field, BigDecimal amount) {
    return decimal(rewards, field).compareTo(amount) == 0;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    return new BigDecimal(node.get(field).asText());
  }

  private static BigInteger units(BigDecimal tokens) {
    return TokenAmount.ofTokens(tokens.toPlainString()).units();
  }

  private static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
    Instant deadline = Instant.now().plus(SETTLED);
    while (Instant.now().isBefore(deadline)) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not within " + SETTLED + ": " + what);
  }

  // --- the chain ---

  private static List<BigInteger> settlementsPosted(String campaign) throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            contracts().rewardEscrow().value());
    filter.addSingleTopic(EventEncoder.encode(RewardEscrow.SETTLEMENTPOSTED_EVENT));
    filter.addSingleTopic(Numeric.toHexString(campaignKey(campaign)));
    List<BigInteger> epochs = new ArrayList<>();
    for (EthLog.LogResult<?> result : web3j.ethGetLogs(filter).send().getLogs()) {
      org.web3j.protocol.core.methods.response.Log log =
          (org.web3j.protocol.core.methods.response.Log) result.get();
      epochs.add(Numeric.toBigInt(log.getTopics().get(2)));
    }
    return epochs;
  }

  private static void automine(boolean on) throws Exception {
    rpc("evm_setAutomine", on);
  }

  private static void rpc(String method, Object... params) throws Exception {
    Response<?> response =
        new Request<>(method, List.of(params), new HttpService(chainRpc()), VoidResponse.class)
            .send();
    if (response.hasError()) {
      throw new IllegalStateException(method + ": " + response.getError().getMessage());
    }
  }

  /** An answer whose result is not looked at. */
  public static class VoidResponse extends Response<Object> {}

  private static DatamintContracts contracts() throws Exception {
    return DatamintContracts.read(
        Path.of(env("DATAMINT_CHAIN_CONTRACTS", "../var/chain/contracts.json")));
  }

  private static RewardEscrow escrow() throws Exception {
    String address = contracts().rewardEscrow().value();
    return RewardEscrow.load(
        address,
        web3j,
        new ReadonlyTransactionManager(web3j, address),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
  }

  private static MockPaymentToken token() throws Exception {
    String address = contracts().paymentToken().value();
    return MockPaymentToken.load(
        address,
        web3j,
        new ReadonlyTransactionManager(web3j, address),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
  }

  private static byte[] campaignKey(String id) {
    return Web3jRewardEscrow.campaignKey(EscrowCampaignId.of(UUID.fromString(id)));
  }

  private static String chainRpc() {
    return env("DATAMINT_CHAIN_RPC", "http://127.0.0.1:8545");
  }

  // --- the database (labels' statuses stand in for the validation, see the class comment) ---

  private static Map<String, List<UUID>> labelsByLabeler(String campaign) throws SQLException {
    Map<String, List<UUID>> labels = new LinkedHashMap<>();
    try (Connection c = database();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT l.lease_id, a.username FROM campaign_label l JOIN account a"
                    + " ON a.subject = l.labeler_id WHERE l.campaign_id = ? AND NOT l.gold"
                    + " ORDER BY l.submitted_at")) {
      select.setObject(1, UUID.fromString(campaign));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          labels
              .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
              .add((UUID) rs.getObject(1));
        }
      }
    }
    assertThat(labels.keySet()).as("every labeler labeled").containsExactlyInAnyOrder(LABELERS);
    assertThat(labels.values().stream().mapToInt(List::size).sum())
        .isEqualTo(CampaignFixture.ITEMS * CampaignFixture.K);
    return labels;
  }

  /** The rest of a verdict, as validation writes it: quality, deciding round, time. */
  private static final String VERDICT = "decided_round = 0, decided_at = now()";

  /** Every label ACCEPTED except {@code rejected}. */
  private static void setStatuses(String campaign, UUID rejected) throws SQLException {
    try (Connection c = database();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_label SET status = CASE WHEN lease_id = ? THEN 'REJECTED'"
                    + " ELSE 'ACCEPTED' END, quality = CASE WHEN lease_id = ? THEN 0.05 ELSE 0.95"
                    + " END, "
                    + VERDICT
                    + " WHERE campaign_id = ? AND status = 'PENDING'")) {
      update.setObject(1, rejected);
      update.setObject(2, rejected);
      update.setObject(3, UUID.fromString(campaign));
      update.executeUpdate();
    }
  }

  private static void accept(String campaign, List<UUID> labels) throws SQLException {
    try (Connection c = database();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_label SET status = 'ACCEPTED', quality = 0.95, "
                    + VERDICT
                    + " WHERE campaign_id = ? AND lease_id = ? AND status = 'PENDING'")) {
      for (UUID label : labels) {
        update.setObject(1, UUID.fromString(campaign));
        update.setObject(2, label);
        update.executeUpdate();
      }
    }
  }

  private static void acceptAllPending(String campaign) throws SQLException {
    try (Connection c = database();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE campaign_label SET status = 'ACCEPTED', quality = 0.95, "
                    + VERDICT
                    + " WHERE campaign_id = ? AND status = 'PENDING'")) {
      update.setObject(1, UUID.fromString(campaign));
      update.executeUpdate();
    }
  }

  private static String transactionStatus(String key) throws SQLException {
    try (Connection c = database();
        PreparedStatement select =
            c.prepareStatement("SELECT status FROM chain_transaction WHERE operation_key = ?")) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String transactionHash(String key) throws SQLException {
    try (Connection c = database();
        PreparedStatement select =
            c.prepareStatement("SELECT tx_hash FROM chain_transaction WHERE operation_key = ?")) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).as(key + " recorded").isTrue();
        return rs.getString(1);
      }
    }
  }

  private static long payments(String campaign) throws SQLException {
    try (Connection c = database();
        PreparedStatement select =
            c.prepareStatement("SELECT count(*) FROM reward_payment WHERE campaign_id = ?")) {
      select.setObject(1, UUID.fromString(campaign));
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void forgetRewardEventCheckpoint() throws SQLException {
    try (Connection c = database();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM chain_indexer_checkpoint WHERE name LIKE 'rewardescrow:%'")) {
      assertThat(delete.executeUpdate()).as("the escrow's indexer had a checkpoint").isEqualTo(1);
    }
  }

  private static boolean rewardEventCheckpointExists() throws SQLException {
    try (Connection c = database();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT count(*) FROM chain_indexer_checkpoint WHERE name LIKE 'rewardescrow:%'")) {
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static Connection database() throws SQLException {
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
