package io.datamint.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the campaign suites need before labelers can work: a small cat-or-dog CSV published and
 * approved (minted), a campaign's JSON, and waiting for a campaign's state.
 */
public final class CampaignFixture {

  public static final int ITEMS = 4;
  public static final int K = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ON_CHAIN = Duration.ofSeconds(90);

  private final ApiClient api;

  public CampaignFixture(ApiClient api) {
    this.api = api;
  }

  /**
   * The JSON of a cat-or-dog campaign with k = {@link #K} on version 1 of the dataset, titled "Cat
   * or dog" and a run's own suffix, so that a page listing open campaigns shows it apart from those
   * of other tests.
   */
  public static String campaign(String dataset, String budget) {
    return campaign(dataset, budget, "Cat or dog " + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The same with the title given. */
  public static String campaign(String dataset, String budget, String title) {
    return "{\"dataset\": \""
        + dataset
        + "\", \"version\": 1, \"title\": \""
        + title
        + "\","
        + " \"instructions\": \"Is the sound a cat's or a dog's?\", \"labelMode\": \"SINGLE\","
        + " \"labels\": [\"cat\", \"dog\"], \"labelsPerItem\": "
        + K
        + ", \"reward\": \"1.5\", \"budget\": \""
        + budget
        + "\", \"qualityThreshold\": 0.6, \"deadline\": \""
        + Instant.now().plus(Duration.ofHours(1))
        + "\", \"leaseSeconds\": 5}";
  }

  /** A labeled CSV of {@link #ITEMS} rows, approved by the admin; fills in item id → text. */
  public String publishAndApprove(String contributor, String admin, Map<String, String> texts)
      throws Exception {
    return publishAndApprove(contributor, admin, texts, ITEMS);
  }

  /**
   * A labeled CSV of {@code items} rows, approved by the admin; fills in item id → text (in item
   * order). Even rows are a cat's ("meow …"), odd rows a dog's ("woof …").
   */
  public String publishAndApprove(
      String contributor, String admin, Map<String, String> texts, int items) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder("label,text\n");
    for (int i = 0; i < items; i++) {
      String text = (i % 2 == 0 ? "meow " : "woof ") + run + " " + i;
      rows.add(text);
      csv.append(i % 2 == 0 ? "cat" : "dog").append(',').append(text).append('\n');
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Sounds " + run);
    fields.put("description", "Cats and dogs, to label again.");
    fields.put("license", "CC-BY-4.0");
    HttpResponse<String> upload =
        api.send(
            api.request("/api/datasets", contributor),
            fields,
            "sounds.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    String id = JSON.readTree(upload.body()).get("id").asText();
    JsonNode version = api.awaitProcessed(contributor, id, 1);
    assertThat(version.get("state").asText()).as(version.toString()).isEqualTo("PENDING_REVIEW");
    HttpResponse<String> approved = api.post("/api/admin/datasets/" + id + "/approve", admin, "");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    // the item ids are the first 16 hex digits of the SHA-256 of the record's fields joined by
    // the unit separator, and the ordinal: compute them to know each item's text
    for (int i = 0; i < items; i++) {
      String canonical = (i % 2 == 0 ? "cat" : "dog") + '\u001f' + rows.get(i);
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(canonical.getBytes(StandardCharsets.UTF_8));
      String hex = java.util.HexFormat.of().formatHex(digest).substring(0, 16);
      texts.put(hex + "-" + String.format("%06d", i), rows.get(i));
    }
    return id;
  }

  public JsonNode awaitCampaign(String token, String id, Predicate<JsonNode> until)
      throws Exception {
    Instant deadline = Instant.now().plus(ON_CHAIN);
    JsonNode campaign = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = api.get("/api/campaigns/" + id, token);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      campaign = JSON.readTree(response.body());
      if (until.test(campaign)) {
        return campaign;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not there after " + ON_CHAIN + ": " + campaign);
  }
}
