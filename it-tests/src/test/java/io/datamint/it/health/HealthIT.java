package io.datamint.it.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Stack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /health} tells the truth: each dependency's check goes DOWN when the real component is
 * stopped and UP again once it is back.
 */
@ExtendWith(DeployedApp.class)
class HealthIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyDependencyIsUpWhenTheStackRuns() throws Exception {
    JsonNode health = health();
    assertThat(statusOf(health, "database")).isEqualTo("UP");
    assertThat(statusOf(health, "ipfs")).isEqualTo("UP");
    assertThat(statusOf(health, "chain")).isEqualTo("UP");
    assertThat(statusOf(health, "identity-provider")).isEqualTo("UP");
    assertThat(health.get("status").asText()).isEqualTo("UP");
  }

  @ParameterizedTest(name = "{1} goes DOWN when {0} stops and UP when it is back")
  @CsvSource({"anvil, chain", "ipfs, ipfs", "postgres, database", "keycloak, identity-provider"})
  void aStoppedComponentTurnsItsCheckDownAndBackUp(String component, String check)
      throws Exception {
    Stack.stop(component);
    try {
      JsonNode down = health();
      assertThat(statusOf(down, check)).isEqualTo("DOWN");
      assertThat(down.get("status").asText()).isEqualTo("DOWN");
    } finally {
      Stack.start(component);
    }
    assertThat(statusOf(awaitUp(check), check)).isEqualTo("UP");
  }

  /** The pool or a cache may need a moment after a restart; the check must recover by itself. */
  private JsonNode awaitUp(String check) throws Exception {
    JsonNode health = health();
    for (int attempt = 0; attempt < 30 && !"UP".equals(statusOf(health, check)); attempt++) {
      Thread.sleep(1000);
      health = health();
    }
    return health;
  }

  private JsonNode health() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(DeployedApp.baseUri().resolve("/health"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isIn(200, 503);
    return JSON.readTree(response.body());
  }

  private static String statusOf(JsonNode health, String name) {
    for (JsonNode check : health.get("checks")) {
      if (name.equals(check.get("name").asText())) {
        return check.get("status").asText();
      }
    }
    throw new AssertionError("no health check named " + name + " in " + health);
  }
}
