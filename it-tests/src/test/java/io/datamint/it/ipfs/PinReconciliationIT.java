package io.datamint.it.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployed application keeps the real Kubo's pins equal to its pin ledger (the suite runs it
 * with a reconciliation every few seconds, see it-tests/pom.xml): a pin nobody recorded goes, a
 * recorded pin that went missing comes back.
 */
@ExtendWith(DeployedApp.class)
class PinReconciliationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RECONCILED = Duration.ofSeconds(60);

  private final ApiClient api = new ApiClient();

  @Test
  void aPinThatNoLedgerRecordExplainsIsRemoved() throws Exception {
    String orphan = addAndPin(("orphan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    assertThat(isPinned(orphan)).isTrue();

    awaitPinned(orphan, false);
  }

  @Test
  void aRecordedPinThatWentMissingIsPinnedAgain() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    byte[] csv =
        ("label,text\ncat,meow\ndog," + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> upload =
        api.send(
            api.request("/api/datasets", contributor),
            Map.of("title", "Pins", "license", "CC0-1.0"),
            "pins.csv",
            csv);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String id = JSON.readTree(upload.body()).get("id").asText();
    JsonNode version = api.awaitProcessed(contributor, id, 1);
    String content = version.get("contentCid").asText();
    assertThat(isPinned(content)).isTrue();

    HttpResponse<String> unpinned = api.kuboCall("pin/rm", content);
    assertThat(unpinned.statusCode()).as(unpinned.body()).isEqualTo(200);
    assertThat(isPinned(content)).isFalse();

    awaitPinned(content, true);
  }

  private void awaitPinned(String cid, boolean pinned) throws Exception {
    Instant deadline = Instant.now().plus(RECONCILED);
    while (Instant.now().isBefore(deadline)) {
      if (isPinned(cid) == pinned) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError(
        cid + (pinned ? " not pinned again" : " still pinned") + " after " + RECONCILED);
  }

  private boolean isPinned(String cid) throws Exception {
    HttpResponse<String> response = api.kuboCall("pin/ls", cid, "type=recursive");
    return response.statusCode() == 200 && response.body().contains(cid);
  }

  private String addAndPin(byte[] bytes) throws Exception {
    String boundary = "----orphan" + UUID.randomUUID();
    byte[] body =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"o\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + new String(bytes, StandardCharsets.UTF_8)
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        api.http()
            .send(
                HttpRequest.newBuilder(
                        ApiClient.kubo().resolve("/api/v0/add?pin=true&cid-version=1"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("Hash").asText();
  }
}
