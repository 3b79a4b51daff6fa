package io.datamint.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resumable uploads against the deployed application: a connection that breaks mid-file loses only
 * the bytes in flight, the client asks where to continue, finishes, and publishes the upload; the
 * published content decrypts to the original.
 */
@ExtendWith(DeployedApp.class)
class ResumableUploadApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHUNK = "application/offset+octet-stream";

  private final ApiClient api = new ApiClient();
  private String contributor;

  @BeforeEach
  void signIn() {
    contributor = Keycloak.accessToken("datamint-cli", "contributor");
  }

  @Test
  void anUploadBrokenOffMidFileResumesFromTheReportedOffsetAndPublishesTheOriginal()
      throws Exception {
    byte[] original = csv(3 * 1024 * 1024);
    String id = open("resumed.csv", original.length);

    sendThenBreakOff(id, original, original.length / 2);
    long offset = awaitSettledOffset(id);
    assertThat(offset).isPositive().isLessThanOrEqualTo(original.length / 2);

    HttpResponse<String> rest =
        patch(id, offset, Arrays.copyOfRange(original, (int) offset, original.length));
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
    assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(Long.toString(original.length));

    HttpResponse<String> published =
        api.sendFields(
            api.request("/api/datasets", contributor),
            Map.of("title", "Resumed", "license", "CC0-1.0", "upload", id));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
    String dataset = JSON.readTree(published.body()).get("id").asText();
    JsonNode version = api.awaitProcessed(contributor, dataset, 1);
    assertThat(version.get("state").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(version.get("fileName").asText()).isEqualTo("resumed.csv");
    HttpResponse<byte[]> download =
        api.download("/api/datasets/" + dataset + "/versions/1/content", contributor);
    assertThat(download.body()).isEqualTo(original);
    // once it is a version's, the upload is gone
    assertThat(head(id).statusCode()).isEqualTo(404);
  }

  @Test
  void aChunkFromTheWrongOffsetIsRefusedAndTheUploadStandsWhereItWas() throws Exception {
    String id = open("offset.csv", 100);
    assertThat(patch(id, 0, new byte[40]).statusCode()).isEqualTo(204);

    HttpResponse<String> wrong = patch(id, 10, new byte[30]);

    assertThat(wrong.statusCode()).isEqualTo(409);
    assertThat(wrong.body()).contains("stands at byte 40");
    assertThat(head(id).headers().firstValue("Upload-Offset")).hasValue("40");
  }

  @Test
  void anIncompleteUploadCannotBePublishedAndStaysResumable() throws Exception {
    String id = open("incomplete.csv", 100);
    patch(id, 0, "label,text\n".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> early =
        api.sendFields(
            api.request("/api/datasets", contributor),
            Map.of("title", "Too early", "license", "CC0-1.0", "upload", id));

    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("not complete: 11 of 100 bytes");
    assertThat(head(id).statusCode()).isEqualTo(200);
  }

  @Test
  void moreBytesThanDeclaredOrALengthOverTheLimitAreRefused() throws Exception {
    String id = open("small.csv", 10);
    assertThat(patch(id, 0, new byte[11]).statusCode()).isEqualTo(413);
    assertThat(head(id).headers().firstValue("Upload-Offset")).hasValue("10");

    HttpResponse<String> huge =
        api.post(
            "/api/uploads",
            contributor,
            "{\"fileName\": \"huge.csv\", \"length\": " + (8L * 1024 * 1024 + 1) + "}");
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void uploadsAreTheContributorsOwnAndForContributorsOnly() throws Exception {
    String id = open("mine.csv", 10);
    String buyer = Keycloak.accessToken("datamint-cli", "buyer");

    assertThat(api.get("/api/uploads/" + id, buyer).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/uploads/" + UUID.randomUUID(), contributor).statusCode())
        .isEqualTo(404);
    HttpResponse<String> cancel =
        api.http()
            .send(
                api.request("/api/uploads/" + id, contributor).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(cancel.statusCode()).isEqualTo(204);
    assertThat(head(id).statusCode()).isEqualTo(404);
  }

  // --- helpers ---

  private String open(String fileName, long length) throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/uploads",
            contributor,
            "{\"fileName\": \"" + fileName + "\", \"length\": " + length + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asText();
  }

  private HttpResponse<String> patch(String id, long offset, byte[] bytes) throws Exception {
    return api.http()
        .send(
            api.request("/api/uploads/" + id, contributor)
                .header("Content-Type", CHUNK)
                .header("Upload-Offset", Long.toString(offset))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<Void> head(String id) throws Exception {
    return api.http()
        .send(
            api.request("/api/uploads/" + id, contributor)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
  }

  /** Announces the whole file, sends {@code sent} bytes of it, then resets the connection. */
  private void sendThenBreakOff(String id, byte[] file, int sent) throws Exception {
    URI base = DeployedApp.baseUri();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PATCH /api/uploads/"
                  + id
                  + " HTTP/1.1\r\n"
                  + "Host: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\n"
                  + "Authorization: Bearer "
                  + contributor
                  + "\r\n"
                  + "Content-Type: "
                  + CHUNK
                  + "\r\n"
                  + "Upload-Offset: 0\r\n"
                  + "Content-Length: "
                  + file.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, sent);
      out.flush();
      Thread.sleep(1_000);
      socket.setSoLinger(true, 0); // close with a reset, as a dropped connection looks
    }
  }

  /** The offset once the server has written what arrived and let go of the upload. */
  private long awaitSettledOffset(String id) throws Exception {
    long last = -1;
    for (int i = 0; i < 60; i++) {
      HttpResponse<Void> response = head(id);
      assertThat(response.statusCode()).isEqualTo(200);
      long offset = Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
      if (offset > 0 && offset == last) {
        return offset;
      }
      last = offset;
      Thread.sleep(500);
    }
    return last;
  }

  private static byte[] csv(int size) {
    StringBuilder text = new StringBuilder("id,text,label\n");
    for (int i = 0; text.length() < size; i++) {
      text.append(i)
          .append(",line ")
          .append(i)
          .append(' ')
          .append(UUID.randomUUID())
          .append(',')
          .append(i % 2 == 0 ? "yes" : "no")
          .append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
