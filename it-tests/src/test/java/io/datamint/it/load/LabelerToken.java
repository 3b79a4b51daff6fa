package io.datamint.it.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.Keycloak;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * One labeler's access token from the {@code datamint-cli} client, refreshed with its refresh token
 * once 70 % of its life has passed (the realm gives 300 s; a run lasts minutes). Used by one thread
 * only, like the labeler it belongs to.
 */
final class LabelerToken {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "datamint-cli";

  private final HttpClient http;
  private final String username;
  private String access;
  private String refresh;
  private Instant renewAt = Instant.MIN;
  private int refreshes;

  LabelerToken(HttpClient http, String username) {
    this.http = http;
    this.username = username;
  }

  String username() {
    return username;
  }

  int refreshes() {
    return refreshes;
  }

  /** A token valid for a while yet; refreshes (or signs in again) when it is getting old. */
  String get() throws Exception {
    if (Instant.now().isBefore(renewAt)) {
      return access;
    }
    if (refresh != null) {
      JsonNode renewed =
          tokenCall(
              "grant_type=refresh_token&client_id=" + CLIENT + "&refresh_token=" + encode(refresh));
      if (renewed != null) {
        refreshes++;
        keep(renewed);
        return access;
      }
    }
    JsonNode fresh =
        tokenCall(
            "grant_type=password&client_id="
                + CLIENT
                + "&username="
                + encode(username)
                + "&password="
                + encode(username)
                + "&scope=openid");
    if (fresh == null) {
      throw new IllegalStateException(username + " cannot sign in");
    }
    keep(fresh);
    return access;
  }

  private void keep(JsonNode tokens) {
    access = tokens.get("access_token").asText();
    refresh = tokens.has("refresh_token") ? tokens.get("refresh_token").asText() : null;
    long life = tokens.get("expires_in").asLong();
    renewAt = Instant.now().plus(Duration.ofMillis(life * 700));
  }

  private JsonNode tokenCall(String form) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(Keycloak.realm() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
