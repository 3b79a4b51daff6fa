package io.datamint.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The publish flow over REST against the deployed WAR, the real Kubo and Keycloak: upload, watch
 * processing, find the content pinned and encrypted in IPFS, read it back decrypted, review.
 */
@ExtendWith(DeployedApp.class)
class PublishApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROCESSING = Duration.ofSeconds(90);

  /** Set for the deployed app by this module's failsafe configuration. */
  private static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static URI kubo() {
    String api = System.getenv("DATAMINT_IPFS_API");
    return URI.create(api == null ? "http://127.0.0.1:5001" : api);
  }

  /** A small labeled CSV, unique per call so that its CID was never pinned before. */
  private static byte[] csv() {
    return ("label,text,id\ncat,meow,1\ndog,woof,2\ncat,purr," + UUID.randomUUID() + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anUploadedCsvIsStoredEncryptedAndPinnedAwaitingReviewAndDecryptsToTheOriginal()
      throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    byte[] original = csv();

    HttpResponse<String> upload = publish(contributor, "pets.csv", original, "CC-BY-4.0");

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String id = JSON.readTree(upload.body()).get("id").asText();
    JsonNode version = awaitProcessed(contributor, id, 1);
    assertThat(version.get("state").asText()).as(version.toString()).isEqualTo("PENDING_REVIEW");
    assertThat(version.get("progress").asInt()).isEqualTo(100);
    assertThat(version.get("items").asLong()).isEqualTo(3);
    assertThat(version.get("format").asText()).isEqualTo("CSV");
    assertThat(version.get("schema").findValuesAsText("name"))
        .containsExactly("label", "text", "id");
    assertThat(version.get("labelColumn").asText()).isEqualTo("label");
    assertThat(version.get("labelDistribution").get("cat").asLong()).isEqualTo(2);
    String contentCid = version.get("contentCid").asText();
    assertThat(version.toString()).doesNotContainIgnoringCase("wrapped");

    HttpResponse<String> pins = kuboCall("pin/ls", contentCid);
    assertThat(pins.statusCode()).as(pins.body()).isEqualTo(200);
    assertThat(pins.body()).contains(contentCid);

    byte[] inIpfs = kuboBytes("cat", contentCid);
    assertThat(inIpfs).hasSize(version.get("encryptedBytes").intValue());
    assertThat(new String(inIpfs, StandardCharsets.ISO_8859_1)).doesNotContain("meow");
    assertThat(inIpfs).isNotEqualTo(original);

    HttpResponse<byte[]> download =
        download("/api/datasets/" + id + "/versions/1/content", contributor);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(original);

    String preview =
        new String(kuboBytes("cat", version.get("previewCid").asText()), StandardCharsets.UTF_8);
    assertThat(preview).contains("meow");
    String metadata =
        new String(kuboBytes("cat", version.get("metadataCid").asText()), StandardCharsets.UTF_8);
    assertThat(metadata).contains(contentCid).contains("CC-BY-4.0");
  }

  @Test
  void theSameBytesUploadedTwiceGiveTheSameContentCid() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    byte[] bytes = csv();

    String first =
        JSON.readTree(publish(contributor, "a.csv", bytes, "CC0-1.0").body()).get("id").asText();
    String second =
        JSON.readTree(publish(contributor, "b.csv", bytes, "CC0-1.0").body()).get("id").asText();

    assertThat(awaitProcessed(contributor, second, 1).get("contentCid").asText())
        .isEqualTo(awaitProcessed(contributor, first, 1).get("contentCid").asText());
  }

  @Test
  void aRaggedCsvIsRejectedWithTheLineAndNoStackTrace() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    byte[] ragged = "a,b,c\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8);

    String id =
        JSON.readTree(publish(contributor, "ragged.csv", ragged, "CC0-1.0").body())
            .get("id")
            .asText();
    JsonNode version = awaitProcessed(contributor, id, 1);

    assertThat(version.get("state").asText()).isEqualTo("REJECTED");
    JsonNode rejection = version.get("rejection");
    assertThat(rejection.get("code").asText()).isEqualTo("MALFORMED_CSV");
    assertThat(rejection.get("location").asText()).isEqualTo("line 3");
    assertThat(rejection.get("message").asText())
        .contains("expected 3 fields")
        .doesNotContain("Exception");
    assertThat(version.hasNonNull("contentCid")).isFalse();
  }

  @Test
  void anEmptyFileIsRejectedAsEmpty() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");

    String id =
        JSON.readTree(publish(contributor, "empty.csv", new byte[0], "CC0-1.0").body())
            .get("id")
            .asText();

    JsonNode version = awaitProcessed(contributor, id, 1);
    assertThat(version.get("state").asText()).isEqualTo("REJECTED");
    assertThat(version.get("rejection").get("code").asText()).isEqualTo("EMPTY_FILE");
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");

    HttpResponse<String> response =
        publish(contributor, "big.csv", new byte[(int) UPLOAD_LIMIT + 1], "CC0-1.0");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("detail").asText())
        .isEqualTo("the file is larger than the limit of " + UPLOAD_LIMIT + " bytes");
  }

  @Test
  void anUnknownLicenseIsABadRequestThatSaysWhy() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");

    HttpResponse<String> response = publish(contributor, "pets.csv", csv(), "my-own-license");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("unknown license");
  }

  @Test
  void onlyContributorsUpload() throws Exception {
    String buyer = Keycloak.accessToken("datamint-cli", "buyer");

    assertThat(publish(buyer, "pets.csv", csv(), "CC0-1.0").statusCode()).isEqualTo(403);
  }

  @Test
  void adminsApproveIntoTheCatalogAndOthersMayNot() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String buyer = Keycloak.accessToken("datamint-cli", "buyer");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String id =
        JSON.readTree(publish(contributor, "pets.csv", csv(), "CC0-1.0").body()).get("id").asText();
    awaitProcessed(contributor, id, 1);

    assertThat(get("/api/datasets/" + id, buyer).statusCode()).isEqualTo(404);
    assertThat(get("/api/admin/datasets", admin).body()).contains(id);
    assertThat(post("/api/admin/datasets/" + id + "/approve", contributor, "").statusCode())
        .isEqualTo(403);
    assertThat(post("/api/admin/datasets/" + id + "/approve", buyer, "").statusCode())
        .isEqualTo(403);
    assertThat(download("/api/datasets/" + id + "/versions/1/content", buyer).statusCode())
        .isEqualTo(403);

    HttpResponse<String> approved = post("/api/admin/datasets/" + id + "/approve", admin, "");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("state").asText()).isEqualTo("LISTED");
    HttpResponse<String> asBuyer = get("/api/datasets/" + id, buyer);
    assertThat(asBuyer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asBuyer.body()).get("listedVersion").asInt()).isEqualTo(1);
    assertThat(post("/api/admin/datasets/" + id + "/approve", admin, "").statusCode())
        .isEqualTo(409);
  }

  @Test
  void anAdminRejectsWithAReasonTheOwnerReads() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String id =
        JSON.readTree(publish(contributor, "pets.csv", csv(), "CC0-1.0").body()).get("id").asText();
    awaitProcessed(contributor, id, 1);

    assertThat(post("/api/admin/datasets/" + id + "/reject", admin, "{}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> rejected =
        post("/api/admin/datasets/" + id + "/reject", admin, "{\"reason\":\"labels look random\"}");

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    JsonNode version =
        JSON.readTree(get("/api/datasets/" + id, contributor).body()).get("versions").get(0);
    assertThat(version.get("state").asText()).isEqualTo("REJECTED");
    assertThat(version.get("rejection").get("code").asText()).isEqualTo("REJECTED_IN_REVIEW");
    assertThat(version.get("rejection").get("message").asText()).isEqualTo("labels look random");
  }

  @Test
  void theOwnerAddsAVersionOnceTheFirstIsDone() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String id =
        JSON.readTree(publish(contributor, "pets.csv", csv(), "CC0-1.0").body()).get("id").asText();
    awaitProcessed(contributor, id, 1);
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    assertThat(post("/api/admin/datasets/" + id + "/approve", admin, "").statusCode())
        .isEqualTo(200);

    HttpResponse<String> second =
        send(
            request("/api/datasets/" + id + "/versions", contributor),
            Map.of(),
            "pets-v2.csv",
            csv());

    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
    assertThat(JSON.readTree(second.body()).get("version").asInt()).isEqualTo(2);
    assertThat(awaitProcessed(contributor, id, 2).get("state").asText())
        .isEqualTo("PENDING_REVIEW");
    JsonNode dataset = JSON.readTree(get("/api/datasets/" + id, contributor).body());
    assertThat(dataset.get("state").asText()).isEqualTo("LISTED");
    assertThat(dataset.get("versions")).hasSize(2);
  }

  // --- helpers ---

  private HttpResponse<String> publish(
      String token, String fileName, byte[] content, String license) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Pets " + fileName);
    fields.put("description", "Cats and dogs, labeled.");
    fields.put("license", license);
    fields.put("tags", "pets, animals");
    return send(request("/api/datasets", token), fields, fileName, content);
  }

  private HttpResponse<String> send(
      HttpRequest.Builder request, Map<String, String> fields, String fileName, byte[] content)
      throws Exception {
    String boundary = "----datamint" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        request
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until the version has left processing; answers the version's JSON. */
  private JsonNode awaitProcessed(String token, String id, int number) throws Exception {
    Instant deadline = Instant.now().plus(PROCESSING);
    JsonNode version = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = get("/api/datasets/" + id, token);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      version = JSON.readTree(response.body()).get("versions").get(number - 1);
      String state = version.get("state").asText();
      if (!state.equals("UPLOADING") && !state.equals("INSPECTING") && !state.equals("STORING")) {
        return version;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("still processing after " + PROCESSING + ": " + version);
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(DeployedApp.baseUri().resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> download(String path, String token) throws Exception {
    return http.send(
        request(path, token).setHeader("Accept", "application/octet-stream").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> post(String path, String token, String json) throws Exception {
    return http.send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> kuboCall(String command, String cid) throws Exception {
    return http.send(kuboRequest(command, cid), HttpResponse.BodyHandlers.ofString());
  }

  private byte[] kuboBytes(String command, String cid) throws Exception {
    HttpResponse<byte[]> response =
        http.send(kuboRequest(command, cid), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static HttpRequest kuboRequest(String command, String cid) {
    // Kubo's RPC API takes POST only
    return HttpRequest.newBuilder(
            kubo()
                .resolve(
                    "/api/v0/"
                        + command
                        + "?arg="
                        + URLEncoder.encode(cid, StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }
}
