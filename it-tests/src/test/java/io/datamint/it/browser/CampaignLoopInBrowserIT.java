package io.datamint.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.Chromium;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.EscrowOnChain;
import io.datamint.it.support.Keycloak;
import io.datamint.it.support.ValidationWorkers;
import io.datamint.it.support.ValidationWorkers.Worker;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole labeling loop on the local stack, as its users live it (issue #6): a contributor
 * creates and funds a campaign in the browser; labeler1..3 pass the qualification item and label
 * every item with the keyboard; the contributor closes the campaign; a real validation worker
 * scores the labels; settlement posts a Merkle root on chain; each labeler claims (labeler1 in the
 * browser, the others over REST) and the chain pays exactly what the ledger says; the consensus
 * labels come back as the dataset's next version, which an admin approves and the NFT records.
 */
@ExtendWith(DeployedApp.class)
class CampaignLoopInBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> LABELERS = List.of("labeler1", "labeler2", "labeler3");
  private static final int ITEMS = 6; // item 5 becomes the gold item: 5 paid items
  private static final Duration SLOW = Duration.ofMinutes(3);
  private static final LocatorAssertions.HasTextOptions ON_CHAIN =
      new LocatorAssertions.HasTextOptions().setTimeout(90_000);
  private static final LocatorAssertions.HasAttributeOptions SETTLED =
      new LocatorAssertions.HasAttributeOptions().setTimeout(SLOW.toMillis());

  private static Chromium chromium;
  private static Browser browser;

  private final ApiClient api = new ApiClient();
  private final CampaignFixture fixture = new CampaignFixture(api);

  @BeforeAll
  static void launchChromium() {
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void closeChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void fundLabelValidateSettleClaimAndReleaseTheConsensus() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    Map<String, String> texts = new LinkedHashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts, ITEMS);
    List<String> items = List.copyOf(texts.keySet());
    String gold = items.get(ITEMS - 1); // "woof": a dog
    String title = "Loop " + UUID.randomUUID().toString().substring(0, 8);

    try (Worker worker = ValidationWorkers.start("loop-" + title.substring(5), SLOW);
        EscrowOnChain chain = new EscrowOnChain();
        BrowserContext owner = browser.newContext()) {

      // --- the contributor creates and funds the campaign in the browser ---
      Page page = owner.newPage();
      page.navigate(DeployedApp.baseUri().resolve("/datasets/" + dataset).toString());
      Chromium.signInOnKeycloakPage(page, "contributor");
      page.waitForURL(Pattern.compile(".*/datasets.*"));
      page.navigate(DeployedApp.baseUri().resolve("/datasets/" + dataset).toString());
      page.locator("#start-campaign").click();
      page.waitForURL(Pattern.compile(".*/versions/1/campaign$"));
      // type only once the form's fields are live components: text typed into a field before its
      // component is ready shows on the page but never reaches the server
      page.waitForFunction(
          "() => document.querySelector('#campaign-labels')?.inputElement"
              + " && document.querySelector('#campaign-title')?.inputElement");
      page.locator("#campaign-title input").fill(title);
      // typed key by key: a filled line break does not reach the server (Playwright's fill on
      // vaadin-text-area)
      page.locator("#campaign-labels textarea").pressSequentially("cat\ndog");
      page.locator("#campaign-instructions textarea").fill("Is the sound a cat's or a dog's?");
      page.locator("#campaign-k input").fill("3");
      page.locator("#campaign-reward input").fill("1.5");
      page.locator("#gold-csv textarea").fill("item_id,label\n" + gold + ",dog");
      // 1.5 × 3 labels × 5 paid items
      assertThat(page.locator("#minimum-budget"))
          .hasText("Minimum 22.5 tokens: 1.5 × 3 labels × 5 items = 22.5");
      page.locator("#create-campaign").click();
      page.waitForURL(Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
      String campaign = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("#campaign-state")).hasText("Open", ON_CHAIN);

      // --- labeler1..3: the qualification item first, then every item, by keyboard ---
      for (String labeler : LABELERS) {
        labelEverything(labeler, title, texts);
      }
      assertThat(page.locator("#labels-given")).hasAttribute("data-done", "15", SETTLED);

      // --- the contributor closes the campaign: every label is decided in the next round ---
      page.locator("#close").click();
      page.locator("#confirm-close").click();
      assertThat(page.locator("#campaign-state")).hasText("Closed");

      // --- validation by the worker pool: every paid label accepted (all three are right) ---
      awaitTrue(
          () -> {
            JsonNode c = JSON.readTree(api.get("/api/campaigns/" + campaign, contributor).body());
            return c.at("/validation/paidAccepted").asLong() == 15;
          },
          "15 labels accepted by validation");
      page.reload();
      assertThat(page.locator("#chart-label-status .bar[data-key='ACCEPTED']"))
          .hasAttribute("data-count", "15");
      page.screenshot(shot("loop-dashboard.png"));

      // --- settlement and claims: labeler1 in the browser, the others over REST ---
      Map<String, String> wallets = new HashMap<>();
      Map<String, BigInteger> before = new HashMap<>();
      for (String labeler : LABELERS) {
        String wallet = wallet(labeler);
        wallets.put(labeler, wallet);
        before.put(labeler, chain.balance(wallet));
      }
      BigInteger each = TokenAmount.ofTokens("7.5").units(); // 5 accepted labels × 1.5
      try (BrowserContext context = browser.newContext()) {
        Page mine = context.newPage();
        mine.navigate(DeployedApp.baseUri().toString());
        Chromium.signInOnKeycloakPage(mine, "labeler1");
        mine.waitForURL(Pattern.compile(".*/labeling$"));
        mine.locator(
                "#main-nav vaadin-side-nav-item",
                new Page.LocatorOptions().setHasText("My labels and rewards"))
            .click();
        mine.waitForURL(Pattern.compile(".*/my-work$"));
        String card = "#reward-" + campaign;
        assertThat(mine.locator(card)).hasAttribute("data-earned", "7.5", SETTLED);
        assertThat(mine.locator(card)).hasAttribute("data-claimable", "7.5", SETTLED);
        assertThat(mine.locator("#standing-" + campaign)).containsText("qualified");
        // the chart counts the labeler's labels of every campaign: at least this one's five
        assertThat(mine.locator("#chart-my-label-status .bar[data-key='ACCEPTED']")).isVisible();
        mine.locator("#claim-" + campaign).click();
        assertThat(mine.locator(card)).hasAttribute("data-claimed", "7.5", SETTLED);
        assertThat(mine.locator("#claim-status-" + campaign)).containsText("Paid in transaction");
        mine.screenshot(shot("loop-my-work.png"));
      }
      for (String labeler : List.of("labeler2", "labeler3")) {
        String token = Keycloak.accessToken("datamint-cli", labeler);
        HttpResponse<String> claim =
            api.post("/api/campaigns/" + campaign + "/rewards/claim", token, "");
        assertThat(claim.statusCode()).as(labeler + ": " + claim.body()).isEqualTo(202);
      }
      for (String labeler : LABELERS) {
        String token = Keycloak.accessToken("datamint-cli", labeler);
        awaitTrue(
            () -> "7.5".equals(rewards(token, campaign).get("claimed").asText()),
            labeler + " paid");
        // the chain pays exactly what the ledger says, once
        assertThat(chain.claimed(campaign, wallets.get(labeler))).as(labeler).isEqualTo(each);
        assertThat(chain.balance(wallets.get(labeler)).subtract(before.get(labeler)))
            .as(labeler + ": tokens received")
            .isEqualTo(each);
        assertThat(rewards(token, campaign).get("earned").asText()).isEqualTo("7.5");
      }
      assertThat(chain.entitled(campaign)).isEqualTo(each.multiply(BigInteger.valueOf(3)));

      // --- the consensus labels become version 2, reviewed and recorded on the NFT ---
      JsonNode released =
          awaitDataset(
              contributor,
              dataset,
              d ->
                  d.get("versions").size() == 2
                      && "PENDING_REVIEW".equals(d.get("versions").get(1).get("state").asText()));
      JsonNode v2 = released.get("versions").get(1);
      assertThat(v2.get("fileName").asText()).contains(".consensus-" + campaign.substring(0, 8));
      assertThat(v2.get("contentCid").asText())
          .isNotEqualTo(released.get("versions").get(0).get("contentCid").asText());
      HttpResponse<byte[]> content =
          api.download("/api/datasets/" + dataset + "/versions/2/content", contributor);
      assertThat(content.statusCode()).isEqualTo(200);
      Map<String, CSVRecord> rows = new HashMap<>();
      try (CSVParser parser =
          CSVParser.builder()
              .setReader(new StringReader(new String(content.body(), StandardCharsets.UTF_8)))
              .setFormat(CSVFormat.RFC4180.builder().setHeader().get())
              .get()) {
        parser.forEach(r -> rows.put(r.get("text"), r));
      }
      for (String text : texts.values()) {
        CSVRecord row = rows.get(text);
        assertThat(row.get("consensus_label")).as(text).isEqualTo(truth(text));
        assertThat(Double.parseDouble(row.get("consensus_confidence"))).as(text).isGreaterThan(0.5);
      }
      assertThat(api.post("/api/admin/datasets/" + dataset + "/approve", admin, "").statusCode())
          .isEqualTo(200);
      JsonNode recorded =
          awaitDataset(
              contributor,
              dataset,
              d ->
                  "PUBLISHED".equals(d.at("/token/versions/0/status").asText(null))
                      && d.at("/token/versions/0/version").asInt() == 2);
      assertThat(recorded.at("/token/versions/0/chainVersion").asLong()).isEqualTo(2);
      assertThat(worker.isAlive()).isTrue();
    }
  }

  /** Picks the campaign, then labels until nothing is left, each item by its sound. */
  private void labelEverything(String labeler, String title, Map<String, String> texts) {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().toString());
      Chromium.signInOnKeycloakPage(page, labeler);
      page.waitForURL(Pattern.compile(".*/labeling$"));
      page.locator("#campaign-select").click();
      page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(title)).click();
      // the qualification item (gold) first, then the five paid items
      for (int answered = 1; answered <= ITEMS; answered++) {
        String item = page.locator("#task-content").getAttribute("data-item");
        assertThat(texts).containsKey(item);
        page.keyboard().press(texts.get(item).startsWith("meow") ? "1" : "2");
        page.keyboard().press("Enter");
        assertThat(page.locator("#session-stats"))
            .containsText("This session: " + answered + " label");
        if (answered < ITEMS) {
          assertThat(page.locator("#task-content")).not().hasAttribute("data-item", item);
        }
      }
      assertThat(page.locator("#labeling-message")).containsText("Nothing left for you");
    }
  }

  private static String truth(String text) {
    return text.startsWith("meow") ? "cat" : "dog";
  }

  private String wallet(String labeler) throws Exception {
    String token = Keycloak.accessToken("datamint-cli", labeler);
    return JSON.readTree(api.get("/api/me", token).body()).get("wallet").asText();
  }

  private JsonNode rewards(String token, String campaign) throws Exception {
    HttpResponse<String> response = api.get("/api/campaigns/" + campaign + "/rewards", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode awaitDataset(String token, String id, Predicate<JsonNode> until)
      throws Exception {
    Instant deadline = Instant.now().plus(SLOW);
    JsonNode dataset = null;
    while (Instant.now().isBefore(deadline)) {
      dataset = JSON.readTree(api.get("/api/datasets/" + id, token).body());
      if (until.test(dataset)) {
        return dataset;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not within " + SLOW + ": " + dataset);
  }

  private static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
    Instant deadline = Instant.now().plus(SLOW);
    while (Instant.now().isBefore(deadline)) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not within " + SLOW + ": " + what);
  }

  private static Page.ScreenshotOptions shot(String name) {
    return new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true);
  }
}
