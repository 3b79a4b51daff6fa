package io.datamint.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.datamint.it.support.Chromium;
import io.datamint.it.support.DeployedApp;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing in a real Chromium: a contributor uploads a file through the Vaadin upload, follows
 * the processing on the dataset page without reloading it, reads what the inspection found; an
 * admin finds it in the review queue and approves it; broken and oversize files end with a reason.
 */
@ExtendWith(DeployedApp.class)
class PublishInBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Processing of a few MiB takes seconds; allow for a busy 2-core machine. */
  private static final LocatorAssertions.HasTextOptions PROCESSING =
      new LocatorAssertions.HasTextOptions().setTimeout(90_000);

  private static Chromium chromium;
  private static Browser browser;

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
  void aContributorPublishesWatchesProcessingAndAnAdminApprovesInTheReviewQueue()
      throws IOException {
    String title = "Browser pets " + UUID.randomUUID().toString().substring(0, 8);
    Path csv = petsCsv(files.resolve("pets.csv"), 60_000);

    String datasetUrl;
    try (BrowserContext context = browser.newContext()) {
      Page page = signedIn(context, "contributor", "datasets");
      page.locator("#publish-dataset-button").click();
      page.waitForURL(Pattern.compile(".*/publish$"));

      page.locator("#dataset-title-field input").fill(title);
      page.locator("#dataset-description-field textarea").fill("Cats and dogs, said in words.");
      page.locator("#dataset-tags-field input").fill("pets, browser test");
      assertThat(page.locator("#publish")).isDisabled();
      choose(page, csv);
      assertThat(page.locator("#upload-message"))
          .containsText(
              "pets.csv received", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
      page.locator("#publish").click();

      page.waitForURL(Pattern.compile(".*/datasets/[0-9a-f-]{36}$"));
      datasetUrl = page.url();
      assertThat(page.locator("#dataset-title")).hasText(title);
      page.screenshot(shot("publish-processing.png"));
      // the page polls: no reload between "processing" and "pending review"
      assertThat(page.locator("#version-1 .state-badge")).hasText("Pending review", PROCESSING);
      assertThat(page.locator("#version-progress")).hasCount(0);

      assertThat(page.locator("[data-fact='Items']")).hasText("60,000");
      assertThat(page.locator("#schema")).containsText("label");
      Locator bars = page.locator(".distribution-chart .bar");
      assertThat(bars).hasCount(2);
      assertThat(page.locator(".distribution-chart .bar[data-value='cat']"))
          .hasAttribute("data-count", "40000");
      assertThat(page.locator("#flags [data-kind='EMAIL_ADDRESS']")).containsText("60,000 found");
      assertThat(page.locator("#flags")).not().containsText("jane");
      assertThat(page.locator("#cids [data-cid]").first())
          .hasAttribute("data-cid", Pattern.compile("^b.+"));
      assertThat(page.locator("#preview-records")).containsText("cat");
      page.screenshot(shot("publish-pending-review.png"));

      page.navigate(DeployedApp.baseUri().resolve("/datasets").toString());
      Locator row =
          page.locator(
              "#datasets vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title));
      assertThat(row).hasCount(1);
    }

    try (BrowserContext context = browser.newContext()) {
      Page page = signedIn(context, "admin", "admin");
      page.navigate(DeployedApp.baseUri().resolve("/admin/review").toString());
      page.locator("#review-queue-filter input").fill(title);
      page.locator("#review-queue-grid a", new Page.LocatorOptions().setHasText(title)).click();
      page.waitForURL(datasetUrl);
      assertThat(page.locator("#flags")).containsText("60,000 found");
      page.screenshot(shot("review-before-approval.png"));

      page.locator("#review-approve").click();

      assertThat(page.locator("#dataset .state-badge").first()).hasText("Listed");
      assertThat(page.locator("#version-1 .state-badge")).hasText("Approved");
      assertThat(page.locator("#review")).hasCount(0);
      // the page polls while the data NFT is minted on the local chain
      assertThat(page.locator("#token-status .state-badge")).hasText("Minted", PROCESSING);
      assertThat(page.locator("#token-id")).hasText(Pattern.compile("#\\d+"));
      assertThat(page.locator("#token-contract")).hasText(Pattern.compile("0x[0-9a-fA-F]{40}"));
      assertThat(page.locator("#token-transaction")).hasText(Pattern.compile("0x[0-9a-f]{64}"));
      page.screenshot(shot("review-approved.png"));
    }
  }

  @Test
  void aRaggedCsvEndsRejectedWithTheLineAndAFixedFileBecomesVersionTwo() throws IOException {
    Path ragged = files.resolve("ragged.csv");
    Files.writeString(ragged, "id,text,label\n1,fine,cat\n2,one field too many,dog,extra\n");
    try (BrowserContext context = browser.newContext()) {
      Page page = signedIn(context, "contributor", "datasets");
      page.navigate(DeployedApp.baseUri().resolve("/publish").toString());
      page.locator("#dataset-title-field input").fill("Ragged " + UUID.randomUUID());
      choose(page, ragged);
      assertThat(page.locator("#upload-message")).containsText("received");
      page.locator("#publish").click();

      page.waitForURL(Pattern.compile(".*/datasets/[0-9a-f-]{36}$"));
      assertThat(page.locator("#version-1 .state-badge")).hasText("Rejected", PROCESSING);
      assertThat(page.locator("#rejection")).containsText("line 3");
      page.screenshot(shot("publish-rejected.png"));

      // the contributor fixes the file and uploads it as version 2; version 1 stays in the history
      Path fixed = files.resolve("fixed.csv");
      Files.writeString(fixed, "id,text,label\n1,fine,cat\n2,now also fine,dog\n");
      page.locator("#new-version").click();
      choose(page, fixed);
      assertThat(page.locator("#upload-message")).containsText("received");
      page.locator("#publish-version").click();

      assertThat(page.locator("#version-2 .state-badge")).hasText("Pending review", PROCESSING);
      assertThat(page.locator("#versions vaadin-tab"))
          .hasText(new String[] {"Version 2", "Version 1"});
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsSentAndCannotBePublished() throws IOException {
    // the suite runs the application with an 8 MiB limit (it-tests/pom.xml)
    Path large = files.resolve("large.csv");
    try (var out = Files.newOutputStream(large)) {
      out.write(new byte[8 * 1024 * 1024 + 1]);
    }
    try (BrowserContext context = browser.newContext()) {
      Page page = signedIn(context, "contributor", "datasets");
      page.navigate(DeployedApp.baseUri().resolve("/publish").toString());
      page.locator("#dataset-title-field input").fill("Too large");
      choose(page, large);

      assertThat(page.locator("#upload-message"))
          .containsText("too big", new LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
      assertThat(page.locator("#publish")).isDisabled();
    }
  }

  private static Page signedIn(BrowserContext context, String user, String home) {
    Page page = context.newPage();
    page.navigate(DeployedApp.baseUri().toString());
    Chromium.signInOnKeycloakPage(page, user);
    page.waitForURL(Pattern.compile(".*/" + home + "$"));
    return page;
  }

  private static void choose(Page page, Path file) {
    FileChooser chooser =
        page.waitForFileChooser(() -> page.locator("#dataset-upload [slot='add-button']").click());
    chooser.setFiles(file);
  }

  /** Two thirds cats; every text carries an e-mail address for the personal-data scan. */
  private static Path petsCsv(Path file, int rows) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,text,label\n");
      for (int i = 0; i < rows; i++) {
        String label = i % 3 == 2 ? "dog" : "cat";
        out.write(i + ",\"a " + label + " seen by jane" + i + "@example.com\"," + label + "\n");
      }
    }
    return file;
  }

  private static Page.ScreenshotOptions shot(String name) {
    return new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true);
  }
}
