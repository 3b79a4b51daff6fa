package io.datamint.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.DeployedApp;
import io.datamint.it.support.Keycloak;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application is killed (SIGKILL) while it processes an upload and started again: the version
 * is processed to the end after the restart — not lost, not half-stored — its content decrypts to
 * the original, and nothing is left in the upload area.
 */
@ExtendWith(DeployedApp.class)
class RestartDuringProcessingIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The upload area of the deployed application, set in it-tests/pom.xml. */
  private static final Path UPLOADS = Path.of("target", "uploads");

  private final ApiClient api = new ApiClient();

  @Test
  void aVersionInProcessingWhenTheApplicationDiesIsFinishedAfterTheRestart() throws Exception {
    String contributor = Keycloak.accessToken("datamint-cli", "contributor");
    // thousands of images: decoding each one keeps the processing busy for a while
    byte[] zip = imagesZip(5_000, new Random(2008));

    HttpResponse<String> upload =
        api.send(
            api.request("/api/datasets", contributor),
            Map.of("title", "Restart", "license", "CC0-1.0"),
            "restart.zip",
            zip);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String id = JSON.readTree(upload.body()).get("id").asText();

    Path crashedLog = DeployedApp.crashAndRestart();

    // the test proves something only if the crash came before the end of processing
    assertThat(Files.readString(crashedLog))
        .as("processing must still have been running when the application was killed")
        .contains("dataset " + id + " registered")
        .doesNotContain("dataset " + id + " v1 stored");
    JsonNode version = api.awaitProcessed(contributor, id, 1);
    assertThat(version.get("state").asText()).as(version.toString()).isEqualTo("PENDING_REVIEW");
    assertThat(version.get("items").asLong()).isEqualTo(5_000);
    assertThat(Files.readString(Path.of("target", "payara-app.log")))
        .containsPattern("publishing: [1-9]\\d* unfinished versions resumed");

    HttpResponse<byte[]> download =
        api.download("/api/datasets/" + id + "/versions/1/content", contributor);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(zip);
    HttpResponse<String> pinned =
        api.kuboCall("pin/ls", version.get("contentCid").asText(), "type=recursive");
    assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
    assertThat(leftInUploadArea()).as("no half-received or processed file left").isEmpty();
  }

  private static List<Path> leftInUploadArea() throws IOException {
    if (!Files.isDirectory(UPLOADS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(UPLOADS)) {
      return files
          .filter(f -> f.toString().endsWith(".part") || f.toString().endsWith(".upload"))
          .toList();
    }
  }

  /** Small PNGs of random pixels (they do not compress, so each costs a real decode). */
  private static byte[] imagesZip(int count, Random random) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < count; i++) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
          for (int y = 0; y < 16; y++) {
            image.setRGB(x, y, random.nextInt(0x1000000));
          }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        zip.putNextEntry(new ZipEntry("class-" + (i % 10) + "/image-" + i + ".png"));
        zip.write(png.toByteArray());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
