package io.datamint.it.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.it.support.ApiClient;
import io.datamint.it.support.CampaignFixture;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign a load run labels, made the way a contributor makes one over REST: a generated
 * review-sentiment CSV of {@code items} rows is published and approved, a campaign with {@code
 * goldItems} gold items (their CSV label is the known answer) is created and funded, and the run
 * waits until the deposit is confirmed and the campaign is OPEN. Big enough that the run does not
 * drain the queue: {@code items x k} slots against a few labels per second.
 */
final class LoadCampaign {

  static final List<String> LABELS = List.of("positive", "negative", "neutral");
  private static final String REWARD = "0.001";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROCESSING = Duration.ofMinutes(5);

  private final ApiClient api;
  private final LoadSettings settings;

  LoadCampaign(ApiClient api, LoadSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  /** The id of an OPEN campaign over a new dataset. */
  String open(String contributor, String admin) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("label,text\n");
    ArrayNode gold = JSON.createArrayNode();
    int goldStride = settings.goldItems() == 0 ? 0 : settings.items() / settings.goldItems();
    for (int i = 0; i < settings.items(); i++) {
      String label = LABELS.get(i % LABELS.size());
      String text = "Review " + run + " number " + i + ": the product was " + adjective(i);
      csv.append(label).append(',').append(text).append('\n');
      if (goldStride > 0
          && i % goldStride == goldStride / 2
          && gold.size() < settings.goldItems()) {
        ObjectNode g = gold.addObject();
        g.put("item", itemId(label, text, i));
        g.putArray("labels").add(label);
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Load reviews " + run);
    fields.put("description", "Generated reviews for the labeling load test.");
    fields.put("license", "CC0-1.0");
    HttpResponse<String> upload =
        api.send(
            api.request("/api/datasets", contributor),
            fields,
            "reviews.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    expect(upload, 202);
    String dataset = JSON.readTree(upload.body()).get("id").asText();
    JsonNode version = awaitProcessed(contributor, dataset);
    if (!"PENDING_REVIEW".equals(version.get("state").asText())) {
      throw new IllegalStateException("the generated dataset was not accepted: " + version);
    }
    expect(api.post("/api/admin/datasets/" + dataset + "/approve", admin, ""), 200);

    ObjectNode campaign = JSON.createObjectNode();
    campaign.put("dataset", dataset);
    campaign.put("version", 1);
    campaign.put("title", "Load " + run);
    campaign.put("instructions", "Is the review positive, negative or neutral?");
    campaign.put("labelMode", "SINGLE");
    ArrayNode labels = campaign.putArray("labels");
    LABELS.forEach(labels::add);
    campaign.put("labelsPerItem", settings.labelsPerItem());
    campaign.put("reward", REWARD);
    campaign.put(
        "budget",
        new BigDecimal(REWARD)
            .multiply(BigDecimal.valueOf((long) settings.items() * settings.labelsPerItem()))
            .toPlainString());
    campaign.put("qualityThreshold", 0.6);
    campaign.put("deadline", Instant.now().plus(Duration.ofHours(3)).toString());
    campaign.put("leaseSeconds", settings.leaseSeconds());
    campaign.set("gold", gold);
    campaign.put("goldEvery", settings.goldEvery());
    HttpResponse<String> created = api.post("/api/campaigns", contributor, campaign.toString());
    expect(created, 201);
    String id = JSON.readTree(created.body()).get("id").asText();
    expect(api.post("/api/campaigns/" + id + "/fund", contributor, ""), 200);
    new CampaignFixture(api)
        .awaitCampaign(contributor, id, c -> "OPEN".equals(c.get("state").asText()));
    return id;
  }

  /** Processing 20k+ rows on a shared 2-core machine takes longer than the suites' 90 s. */
  private JsonNode awaitProcessed(String token, String dataset) throws Exception {
    Instant deadline = Instant.now().plus(PROCESSING);
    JsonNode version = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = api.get("/api/datasets/" + dataset, token);
      expect(response, 200);
      version = JSON.readTree(response.body()).get("versions").get(0);
      String state = version.get("state").asText();
      if (!List.of("UPLOADING", "INSPECTING", "STORING").contains(state)) {
        return version;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("still processing after " + PROCESSING + ": " + version);
  }

  /**
   * The inspector's item id: the first 16 hex digits of the SHA-256 of the record's fields joined
   * by the unit separator, and the ordinal (as in {@link CampaignFixture}).
   */
  static String itemId(String label, String text, int ordinal) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((label + '\u001f' + text).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 16) + "-" + String.format("%06d", ordinal);
  }

  private static String adjective(int i) {
    String[] words = {"great", "awful", "fine", "broken", "lovely", "so-so", "perfect", "late"};
    return words[(i * 7) % words.length] + " and " + words[(i * 3 + 1) % words.length];
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
