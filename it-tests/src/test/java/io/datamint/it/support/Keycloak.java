package io.datamint.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Tokens from the local Keycloak, the way a script would get them (password grant). */
public final class Keycloak {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Keycloak() {}

  public static URI realm() {
    String provider = System.getenv("DATAMINT_OIDC_PROVIDER");
    return URI.create(provider == null ? "http://localhost:8180/realms/datamint" : provider);
  }

  /** An access token for a demo user (password = username) from the given public client. */
  public static String accessToken(String client, String username) {
    String form =
        "grant_type=password&client_id="
            + encode(client)
            + "&username="
            + encode(username)
            + "&password="
            + encode(username)
            + "&scope=openid";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(realm() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "token request for " + username + " failed: " + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      return body.get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
