package io.datamint.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.Chromium;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contributor runs a labeling campaign from the browser: from the dataset page to the campaign
 * form (a wrong gold CSV is refused with its line, the minimum budget follows the terms), create
 * and fund in one go, the deposit confirmed on the local chain (FUNDING → OPEN without a reload);
 * labelers label over the REST API while the dashboard is open, and its numbers and bars follow;
 * pause and resume; the campaign in "My campaigns"; close with what happens to the budget.
 */
@ExtendWith(DeployedApp.class)
class CampaignInBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The deposit goes through the worker and the local chain; the page polls every 2 s. */
  private static final LocatorAssertions.HasTextOptions ON_CHAIN =
      new LocatorAssertions.HasTextOptions().setTimeout(90_000);

  private static final LocatorAssertions.HasAttributeOptions POLLED =
      new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

  private static Chromium chromium;
  private static Browser browser;

  private final ApiClient api = new ApiClient();
  private final CampaignFixture fixture = new CampaignFixture(api);

  @TempDir Path files;

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
  void aContributorCreatesAndFundsACampaignAndWatchesTheLabelsArrive() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    Map<String, String> texts = new LinkedHashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts);
    List<String> items = List.copyOf(texts.keySet());
    String goldItem = items.get(3); // "woof": a dog
    String title = "Pets campaign " + UUID.randomUUID().toString().substring(0, 8);

    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().resolve("/datasets/" + dataset).toString());
      Chromium.signInOnKeycloakPage(page, "contributor");
      page.waitForURL(Pattern.compile(".*/datasets.*"));
      page.navigate(DeployedApp.baseUri().resolve("/datasets/" + dataset).toString());
      page.locator("#start-campaign").click();
      page.waitForURL(Pattern.compile(".*/datasets/" + dataset + "/versions/1/campaign$"));
      // type only once the form's fields are live components: text typed into a field before its
      // component is ready shows on the page but never reaches the server
      page.waitForFunction(
          "() => document.querySelector('#campaign-labels')?.inputElement"
              + " && document.querySelector('#campaign-title')?.inputElement");

      // the terms; the minimum budget follows them: 1.5 × 2 labels × 4 items
      page.locator("#campaign-title input").fill(title);
      // typed key by key: a filled line break does not reach the server (Playwright's fill on
      // vaadin-text-area)
      page.locator("#campaign-labels textarea").pressSequentially("cat\ndog");
      page.locator("#campaign-instructions textarea").fill("Is the sound a cat's or a dog's?");
      page.locator("#campaign-k input").fill("2");
      page.locator("#campaign-reward input").fill("1.5");
      assertThat(page.locator("#minimum-budget"))
          .hasText("Minimum 12 tokens: 1.5 × 2 labels × 4 items = 12");
      assertThat(page.locator("#wallet-balance")).containsText("Your wallet holds");

      // a gold CSV uploaded with a label the campaign does not have: refused with its line
      Path bad = files.resolve("gold.csv");
      Files.writeString(bad, "item_id,label\n" + items.get(0) + ",cat\n" + goldItem + ",horse\n");
      FileChooser chooser =
          page.waitForFileChooser(() -> page.locator("#gold-upload [slot='add-button']").click());
      chooser.setFiles(bad);
      assertThat(page.locator("#gold-problems"))
          .containsText("line 3: \"horse\" is not one of the campaign's labels");

      // an item that is not in the version is found when creating, also with its line
      page.locator("#gold-csv textarea")
          .fill("item_id,label\n" + goldItem + ",dog\nffffffffffffffff-000099,cat\n");
      assertThat(page.locator("#gold-problems")).hasText("");
      page.locator("#create-campaign").click();
      assertThat(page.locator("#gold-problems"))
          .containsText("line 3: item ffffffffffffffff-000099 is not an item of this version");
      assertThat(page).hasURL(Pattern.compile(".*/campaign$"));

      // one gold item, picked from the public preview
      page.locator("#gold-csv textarea").fill("item_id,label");
      assertThat(page.locator("#gold-status")).hasText("No gold items.");
      page.locator("#gold-preview-item").click();
      page.locator("vaadin-select-item:visible", new Page.LocatorOptions().setHasText(goldItem))
          .click();
      page.locator("#gold-preview-label").click();
      page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("dog").setExact(true))
          .click();
      page.locator("#gold-preview-add").click();
      assertThat(page.locator("#gold-csv textarea"))
          .hasValue("item_id,label\n" + goldItem + ",dog");
      assertThat(page.locator("#gold-status")).hasText("1 gold item.");
      // gold is not paid: the minimum is 1.5 × 2 × 3
      assertThat(page.locator("#minimum-budget"))
          .hasText("Minimum 9 tokens: 1.5 × 2 labels × 3 items = 9");
      assertThat(page.locator("#campaign-budget input")).hasValue("9");
      page.screenshot(shot("campaign-form.png"));
      page.locator("#create-campaign").click();

      // create + fund in one go: the dashboard follows the deposit until the campaign opens
      page.waitForURL(Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
      String id = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("#campaign-name")).hasText(title);
      assertThat(page.locator("#campaign-state")).hasText("Open", ON_CHAIN);
      assertThat(page.locator("#funding-status")).containsText("Funded on chain in transaction");
      assertThat(page.locator("#items-complete")).hasAttribute("data-done", "0");
      assertThat(page.locator("#items-complete")).hasAttribute("data-of", "3");
      assertThat(page.locator("#chart-labels-per-item .bar[data-key='0']"))
          .hasAttribute("data-count", "3");

      // labelers work over the REST API while the page stays open
      // each labeler's first task is the qualification item (the gold one, answered right), then
      // paid items in order
      label("labeler1", id, texts, Map.of(), 1 + 3); // items 0, 1, 2, right answers
      label("labeler2", id, texts, Map.of(items.get(0), "dog"), 1 + 1); // item 0, wrong
      assertThat(page.locator("#labels-given")).hasAttribute("data-done", "4", POLLED);
      assertThat(page.locator("#labels-given")).hasAttribute("data-of", "6");
      assertThat(page.locator("#items-complete")).hasAttribute("data-done", "1");
      assertBar(page, "chart-labels-per-item", "0", 0);
      assertBar(page, "chart-labels-per-item", "1", 2);
      assertBar(page, "chart-labels-per-item", "2", 1);
      assertBar(page, "chart-label-distribution", "cat", 2);
      assertBar(page, "chart-label-distribution", "dog", 2);
      assertBar(page, "chart-agreement", "1", 1);
      assertBar(page, "chart-label-status", "PENDING", 4);
      assertBar(page, "chart-label-status", "ACCEPTED", 0);
      assertThat(page.locator("#agreement")).hasAttribute("data-agreeing", "0");
      assertThat(page.locator("#budget-summary")).hasAttribute("data-spent", "0");
      assertThat(page.locator("#budget-summary")).hasAttribute("data-left", "9");
      assertThat(page.locator("#labeler-count")).hasAttribute("data-labelers", "2");
      assertThat(page.locator("#chart-top-labelers .bar").first())
          .hasAttribute("data-key", "labeler1");
      assertThat(page.locator("#chart-top-labelers .bar").first()).hasAttribute("data-count", "3");

      label("labeler3", id, texts, Map.of(), 1 + 1); // item 1 (item 0 is full), agrees
      assertThat(page.locator("#items-complete")).hasAttribute("data-done", "2", POLLED);
      assertThat(page.locator("#agreement")).hasAttribute("data-agreeing", "1");
      assertThat(page.locator("#agreement")).containsText("50 % of 2 complete items");
      assertBar(page, "chart-agreement", "2", 1);
      assertBar(page, "chart-labels-per-item", "2", 2);
      page.screenshot(shot("campaign-dashboard.png"));

      // the same numbers over REST, for the owner only
      JsonNode statistics =
          JSON.readTree(api.get("/api/campaigns/" + id + "/statistics", contributor).body());
      assertThat(statistics.get("labelsPerItem").toString()).isEqualTo("[0,1,2]");
      assertThat(statistics.get("agreement").asDouble()).isEqualTo(0.5);
      assertThat(statistics.at("/statuses/pending").asLong()).isEqualTo(5);
      assertThat(statistics.at("/budget/left").asText()).isEqualTo("9");
      String labeler = Keycloak.accessToken("datamint-cli", "labeler1");
      assertThat(api.get("/api/campaigns/" + id + "/statistics", labeler).statusCode())
          .isEqualTo(403);

      // pause: no new tasks; resume: tasks again
      page.locator("#pause").click();
      page.locator("#confirm-pause").click();
      assertThat(page.locator("#campaign-state")).hasText("Paused");
      HttpResponse<String> paused =
          api.get(
              "/api/campaigns/" + id + "/tasks/next",
              Keycloak.accessToken("datamint-cli", "labeler2"));
      assertThat(paused.statusCode()).as(paused.body()).isEqualTo(409);
      page.locator("#resume").click();
      assertThat(page.locator("#campaign-state")).hasText("Open");
      assertThat(
              api.get(
                      "/api/campaigns/" + id + "/tasks/next",
                      Keycloak.accessToken("datamint-cli", "labeler2"))
                  .statusCode())
          .isEqualTo(200);

      // "My campaigns" lists it with its state
      assertThat(
              page.locator(
                  "#main-nav vaadin-side-nav-item",
                  new Page.LocatorOptions().setHasText("My campaigns")))
          .hasCount(1);
      page.navigate(DeployedApp.baseUri().resolve("/campaigns").toString());
      Locator row =
          page.locator(
              "#campaigns vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title));
      assertThat(row).hasCount(1);
      row.locator("a").click();
      page.waitForURL(Pattern.compile(".*/campaigns/" + id + "$"));

      // close: the dialog says where the unspent budget goes
      page.locator("#close").click();
      assertThat(page.locator("#close-consequences"))
          .containsText("returns to your wallet from the escrow after the deadline");
      page.locator("#confirm-close").click();
      assertThat(page.locator("#campaign-state")).hasText("Closed");
      assertThat(page.locator("#refund-status")).containsText("unspent budget");
      page.screenshot(shot("campaign-closed.png"));
    }
  }

  /**
   * The labeler takes up to {@code max} tasks and labels each by its text (meow: cat, woof: dog)
   * unless {@code answers} names the item; the queue hands items out in order.
   */
  private void label(
      String user, String campaign, Map<String, String> texts, Map<String, String> answers, int max)
      throws Exception {
    String token = Keycloak.accessToken("datamint-cli", user);
    for (int given = 0; given < max; given++) {
      HttpResponse<String> next = api.get("/api/campaigns/" + campaign + "/tasks/next", token);
      assertThat(next.statusCode()).as(user + ": " + next.body()).isEqualTo(200);
      JsonNode task = JSON.readTree(next.body());
      String item = task.get("item").asText();
      String answer =
          answers.getOrDefault(item, texts.get(item).startsWith("meow") ? "cat" : "dog");
      HttpResponse<String> labeled =
          api.post(
              "/api/tasks/" + task.get("leaseId").asText() + "/label",
              token,
              "{\"labels\": [\"" + answer + "\"]}");
      assertThat(labeled.statusCode()).as(labeled.body()).isEqualTo(200);
    }
  }

  private static void assertBar(Page page, String chart, String key, long count) {
    assertThat(page.locator("#" + chart + " .bar[data-key='" + key + "']"))
        .hasAttribute("data-count", Long.toString(count));
  }

  private static Page.ScreenshotOptions shot(String name) {
    return new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true);
  }
}
