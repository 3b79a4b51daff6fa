package io.datamint.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import io.datamint.it.support.Chromium;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A labeler in Chromium works through an open campaign with the keyboard only: a digit picks the
 * label, Enter submits, S skips; the session counter and the campaign's own counts agree.
 */
@ExtendWith(DeployedApp.class)
class LabelingInBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
  void aLabelerLabelsWithTheKeyboardAndSkipsWithS() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    Map<String, String> texts = new HashMap<>();
    String dataset = fixture.publishAndApprove(contributor, admin, texts);
    HttpResponse<String> created =
        api.post("/api/campaigns", contributor, CampaignFixture.campaign(dataset, "12"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    String title = JSON.readTree(created.body()).get("title").asText();
    assertThat(api.post("/api/campaigns/" + id + "/fund", contributor, "").statusCode())
        .isEqualTo(200);
    fixture.awaitCampaign(contributor, id, c -> "OPEN".equals(c.get("state").asText()));

    String skipped;
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().toString());
      Chromium.signInOnKeycloakPage(page, "labeler1");
      page.waitForURL(Pattern.compile(".*/labeling$"));

      page.locator("#campaign-select").click();
      page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(title)).click();

      // first item: skip it with S; the next three: "1" (cat) or "2" (dog) by its text, Enter
      skipped = page.locator("#task-content").getAttribute("data-item");
      assertThat(texts).containsKey(skipped);
      page.keyboard().press("s");
      for (int done = 1; done <= ITEMS_LEFT; done++) {
        assertThat(page.locator("#task-content")).not().hasAttribute("data-item", skipped);
        String text = page.locator("#task-content").innerText();
        page.keyboard().press(text.contains("meow") ? "1" : "2");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("labeling.png")));
        page.keyboard().press("Enter");
        assertThat(page.locator("#session-stats"))
            .containsText("This session: " + done + " labels");
      }
      assertThat(page.locator("#labeling-message")).containsText("Nothing left for you");
      assertThat(page.locator("#session-stats")).containsText("4.5 tokens if accepted");
    }

    String labeler = Keycloak.accessToken("datamint-cli", "labeler1");
    JsonNode campaign = JSON.readTree(api.get("/api/campaigns/" + id, contributor).body());
    assertThat(campaign.at("/counts/labeled").asLong()).isEqualTo(ITEMS_LEFT);
    JsonNode mine = JSON.readTree(api.get("/api/me/labels", labeler).body());
    assertThat(mine.toString()).doesNotContain(skipped);
  }

  private static final int ITEMS_LEFT = CampaignFixture.ITEMS - 1;
}
