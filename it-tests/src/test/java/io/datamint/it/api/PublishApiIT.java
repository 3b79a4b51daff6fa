package io.datamint.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  /** Set for the deployed app by this module's failsafe configuration. */
  private static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

  private final ApiClient api = new ApiClient();

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
    JsonNode version = api.awaitProcessed(contributor, id, 1);
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

    HttpResponse<String> pins = api.kuboCall("pin/ls", contentCid);
    assertThat(pins.statusCode()).as(pins.body()).isEqualTo(200);
    assertThat(pins.body()).contains(contentCid);

    byte[] inIpfs = api.kuboBytes("cat", contentCid);
    assertThat(inIpfs).hasSize(version.get("encryptedBytes").intValue());
    assertThat(new String(inIpfs, StandardCharsets.ISO_8859_1)).doesNotContain("meow");
    assertThat(inIpfs).isNotEqualTo(original);

    HttpResponse<byte[]> download =
        api.download("/api/datasets/" + id + "/versions/1/content", contributor);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(original);

    String preview =
        new String(
            api.kuboBytes("cat", version.get("previewCid").asText()), StandardCharsets.UTF_8);
    assertThat(preview).contains("meow");
    String metadata =
        new String(
            api.kuboBytes("cat", version.get("metadataCid").asText()), StandardCharsets.UTF_8);
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

    assertThat(api.awaitProcessed(contributor, second, 1).get("contentCid").asText())
        .isEqualTo(api.awaitProcessed(contributor, first, 1).get("contentCid").asText());
  }

  @Test
  void aRaggedCsvIsRejectedWithTheLineAndNoStackTrace() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    byte[] ragged = "a,b,c\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8);

    String id =
        JSON.readTree(publish(contributor, "ragged.csv", ragged, "CC0-1.0").body())
            .get("id")
            .asText();
    JsonNode version = api.awaitProcessed(contributor, id, 1);

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

    JsonNode version = api.awaitProcessed(contributor, id, 1);
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
    api.awaitProcessed(contributor, id, 1);

    assertThat(api.get("/api/datasets/" + id, buyer).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/admin/datasets", admin).body()).contains(id);
    assertThat(api.post("/api/admin/datasets/" + id + "/approve", contributor, "").statusCode())
        .isEqualTo(403);
    assertThat(api.post("/api/admin/datasets/" + id + "/approve", buyer, "").statusCode())
        .isEqualTo(403);
    assertThat(api.download("/api/datasets/" + id + "/versions/1/content", buyer).statusCode())
        .isEqualTo(403);

    HttpResponse<String> approved = api.post("/api/admin/datasets/" + id + "/approve", admin, "");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("state").asText()).isEqualTo("LISTED");
    HttpResponse<String> asBuyer = api.get("/api/datasets/" + id, buyer);
    assertThat(asBuyer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asBuyer.body()).get("listedVersion").asInt()).isEqualTo(1);
    assertThat(api.post("/api/admin/datasets/" + id + "/approve", admin, "").statusCode())
        .isEqualTo(409);
  }

  @Test
  void anAdminRejectsWithAReasonTheOwnerReads() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    String id =
        JSON.readTree(publish(contributor, "pets.csv", csv(), "CC0-1.0").body()).get("id").asText();
    api.awaitProcessed(contributor, id, 1);

    assertThat(api.post("/api/admin/datasets/" + id + "/reject", admin, "{}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> rejected =
        api.post(
            "/api/admin/datasets/" + id + "/reject", admin, "{\"reason\":\"labels look random\"}");

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    JsonNode version =
        JSON.readTree(api.get("/api/datasets/" + id, contributor).body()).get("versions").get(0);
    assertThat(version.get("state").asText()).isEqualTo("REJECTED");
    assertThat(version.get("rejection").get("code").asText()).isEqualTo("REJECTED_IN_REVIEW");
    assertThat(version.get("rejection").get("message").asText()).isEqualTo("labels look random");
  }

  @Test
  void theOwnerAddsAVersionOnceTheFirstIsDone() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    String id =
        JSON.readTree(publish(contributor, "pets.csv", csv(), "CC0-1.0").body()).get("id").asText();
    api.awaitProcessed(contributor, id, 1);
    String admin = Keycloak.accessToken("datamint-cli", "admin");
    assertThat(api.post("/api/admin/datasets/" + id + "/approve", admin, "").statusCode())
        .isEqualTo(200);

    HttpResponse<String> second =
        api.send(
            api.request("/api/datasets/" + id + "/versions", contributor),
            Map.of(),
            "pets-v2.csv",
            csv());

    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
    assertThat(JSON.readTree(second.body()).get("version").asInt()).isEqualTo(2);
    assertThat(api.awaitProcessed(contributor, id, 2).get("state").asText())
        .isEqualTo("PENDING_REVIEW");
    JsonNode dataset = JSON.readTree(api.get("/api/datasets/" + id, contributor).body());
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
    return api.send(api.request("/api/datasets", token), fields, fileName, content);
  }
}
