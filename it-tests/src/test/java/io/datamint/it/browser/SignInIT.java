package io.datamint.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.datamint.it.support.Chromium;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A person in a real Chromium signs in through Keycloak's page, finds their home, signs out. */
@ExtendWith(DeployedApp.class)
class SignInIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static Chromium chromium;
  private static Browser browser;

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

  @ParameterizedTest(name = "{0} lands on /{1}")
  @CsvSource({
    "contributor, datasets, My datasets|My campaigns|Catalog|Profile",
    "labeler1,    labeling, Labeling|My labels and rewards|Catalog|Profile",
    "labeler2,    labeling, Labeling|My labels and rewards|Catalog|Profile",
    "labeler3,    labeling, Labeling|My labels and rewards|Catalog|Profile",
    "buyer,       catalog,  Catalog|Profile",
    "admin,       admin,    Catalog|Administration|Review queue|Profile"
  })
  void aDemoUserSignsInLandsOnTheHomeOfTheirRoleAndSignsOut(
      String user, String home, String navigation) {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().toString());

      signInOnKeycloakPage(page, user);

      page.waitForURL(Pattern.compile(".*/" + home + "$"));
      assertThat(page.locator("#signed-in-user")).isVisible();
      assertThat(navigationOf(page))
          .containsExactlyElementsOf(Arrays.asList(navigation.split("\\|")));
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(user + "-home.png")));

      page.locator("#sign-out").click();
      page.waitForLoadState();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(user + "-signed-out.png")));

      assertThat(page.locator("#username")).isVisible();
      assertThat(page.url()).startsWith(Keycloak.realm().toString());
      // The single sign-on session is over too: the application asks for a sign-in again.
      page.navigate(DeployedApp.baseUri().resolve("/profile").toString());
      assertThat(page.locator("#username")).isVisible();
    }
  }

  @Test
  void theProfileShowsNameRolesAndTheCustodialWallet() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().resolve("/profile").toString());
      signInOnKeycloakPage(page, "contributor");
      page.waitForURL(Pattern.compile(".*/datasets$"));

      page.navigate(DeployedApp.baseUri().resolve("/profile").toString());

      assertThat(page.locator("#profile-username input")).hasValue("contributor");
      assertThat(page.locator("#profile-roles")).containsText("contributor");
      String wallet = page.locator("#profile-wallet input").inputValue();
      assertThat(wallet).matches("0x[0-9a-f]{40}");
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("profile.png")));
    }
  }

  @Test
  void aWrongPasswordStaysOnTheSignInPage() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(DeployedApp.baseUri().toString());
      page.locator("#username").fill("buyer");
      page.locator("#password").fill("not-the-password");
      page.locator("#kc-login").click();

      assertThat(page.locator("#username")).isVisible();
      assertThat(page.url()).startsWith(Keycloak.realm().toString());
    }
  }

  private static void signInOnKeycloakPage(Page page, String user) {
    Chromium.signInOnKeycloakPage(page, user);
  }

  private static List<String> navigationOf(Page page) {
    page.locator("#main-nav vaadin-side-nav-item").first().waitFor();
    return page.locator("#main-nav vaadin-side-nav-item").allInnerTexts().stream()
        .map(String::trim)
        .toList();
  }
}
