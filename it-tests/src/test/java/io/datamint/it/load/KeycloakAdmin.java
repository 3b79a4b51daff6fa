package io.datamint.it.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.it.support.Keycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The load's labeler accounts in the running Keycloak, made through its admin REST API as the
 * master realm's administrator: {@code load-labeler-001}, ... with the realm role {@code labeler}
 * like labeler1..3, password = username (the convention of {@link Keycloak#accessToken}). Creating
 * is idempotent: an existing user is kept, only its role and password are set again, so a second
 * run (or a run with more labelers) reuses the accounts and their wallets.
 *
 * <p>The administrator's password is the one the local stack made on Keycloak's first start ({@code
 * var/secrets/keycloak-admin.password} of the checkout that started it), read from the file named
 * by {@code DATAMINT_KEYCLOAK_ADMIN_PASSWORD_FILE}.
 */
final class KeycloakAdmin {

  static final String PREFIX = "load-labeler-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI server;
  private final String realm;
  private String token;
  private Instant renewAt;

  private KeycloakAdmin(URI server, String realm) {
    this.server = server;
    this.realm = realm;
  }

  /** Signs in as the master realm's administrator (admin-cli, password grant). */
  static KeycloakAdmin signIn() throws Exception {
    URI realmUri = Keycloak.realm();
    String path = realmUri.getPath();
    KeycloakAdmin admin =
        new KeycloakAdmin(realmUri.resolve("/"), path.substring(path.lastIndexOf('/') + 1));
    admin.renew();
    return admin;
  }

  /** The master realm's tokens live 60 s, less than creating 200 users takes: sign in again. */
  private void renew() throws Exception {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + encode(env("DATAMINT_KEYCLOAK_ADMIN_USER", "admin"))
            + "&password="
            + encode(adminPassword());
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak's administrator could not sign in: " + response.body());
    }
    JsonNode tokens = JSON.readTree(response.body());
    token = tokens.get("access_token").asText();
    renewAt = Instant.now().plusMillis(tokens.get("expires_in").asLong() * 700);
  }

  static String username(int number) {
    return PREFIX + String.format("%03d", number);
  }

  /** Makes sure labelers 1..n exist with the labeler role; answers their usernames. */
  List<String> ensureLabelers(int n) throws Exception {
    JsonNode role = call("GET", "/roles/labeler", null, 200);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String name = username(i);
      String id = findUser(name);
      if (id == null) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", name);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", "Load");
        user.put("lastName", "Labeler " + i);
        user.put("email", name + "@load.datamint.local");
        user.putArray("requiredActions");
        call("POST", "/users", user.toString(), 201);
        id = findUser(name);
      }
      ObjectNode password = JSON.createObjectNode();
      password.put("type", "password");
      password.put("value", name);
      password.put("temporary", false);
      call("PUT", "/users/" + id + "/reset-password", password.toString(), 204);
      call("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]", 204);
      names.add(name);
    }
    return names;
  }

  private String findUser(String name) throws Exception {
    JsonNode found = call("GET", "/users?exact=true&username=" + encode(name), null, 200);
    return found.isEmpty() ? null : found.get(0).get("id").asText();
  }

  private JsonNode call(String method, String path, String body, int expected) throws Exception {
    if (!Instant.now().isBefore(renewAt)) {
      renew();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/admin/realms/" + realm + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static String adminPassword() throws IOException {
    String file = System.getenv("DATAMINT_KEYCLOAK_ADMIN_PASSWORD_FILE");
    if (file == null || file.isBlank()) {
      String var = env("DATAMINT_VAR", "../var");
      file = Path.of(var, "secrets", "keycloak-admin.password").toString();
    }
    return Files.readString(Path.of(file)).trim();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
