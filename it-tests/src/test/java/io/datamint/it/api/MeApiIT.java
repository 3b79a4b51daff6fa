package io.datamint.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API's authentication and authorization with real Keycloak tokens. */
@ExtendWith(DeployedApp.class)
class MeApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void meWithoutATokenIsUnauthorized() throws Exception {
    assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void meWithATokenFromTheCliClientAnswersNameRolesAndWallet() throws Exception {
    String token = Keycloak.accessToken("datamint-cli", "contributor");

    HttpResponse<String> response = get("/api/me", token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode me = JSON.readTree(response.body());
    assertThat(me.get("username").asText()).isEqualTo("contributor");
    assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("contributor");
    assertThat(me.get("wallet").asText()).matches("0x[0-9a-f]{40}");
    assertThat(response.body()).doesNotContainIgnoringCase("key");
  }

  @Test
  void theWalletIsCreatedOnceAndStaysTheSame() throws Exception {
    String first = walletOf("labeler2");
    String second = walletOf("labeler2");
    assertThat(second).isEqualTo(first);
    assertThat(walletOf("labeler3")).isNotEqualTo(first);
  }

  @Test
  void aTamperedTokenIsUnauthorized() throws Exception {
    String token = Keycloak.accessToken("datamint-cli", "buyer");
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"buyer\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(get("/api/me", forged).statusCode()).isEqualTo(401);
    assertThat(get("/api/admin/accounts", forged).statusCode()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsUnauthorized() throws Exception {
    // datamint-cli-short issues tokens that live one second; the API allows 5 s of clock skew.
    String token = Keycloak.accessToken("datamint-cli-short", "buyer");
    assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
    long expiresAt = JSON.readTree(payloadOf(token)).get("exp").asLong();
    sleepUntil(Instant.ofEpochSecond(expiresAt).plusSeconds(7));

    assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void theAdminProbeIsForbiddenToOthersAndOpenToAdmins() throws Exception {
    String labeler = Keycloak.accessToken("datamint-cli", "labeler1");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    get("/api/me", labeler); // make sure labeler1 has an account to list

    assertThat(get("/api/admin/accounts", labeler).statusCode()).isEqualTo(403);
    HttpResponse<String> asAdmin = get("/api/admin/accounts", admin);
    assertThat(asAdmin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asAdmin.body()).findValuesAsText("username")).contains("labeler1");
  }

  @Test
  void anErrorNeverShowsAStackTrace() throws Exception {
    String token = Keycloak.accessToken("datamint-cli", "admin");
    HttpResponse<String> response = get("/api/no-such-thing", token);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    HttpResponse<String> response = get("/openapi", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/me").contains("Datamint API");
  }

  private String walletOf(String user) throws Exception {
    HttpResponse<String> response = get("/api/me", Keycloak.accessToken("datamint-cli", user));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("wallet").asText();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(DeployedApp.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String payloadOf(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static void sleepUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
