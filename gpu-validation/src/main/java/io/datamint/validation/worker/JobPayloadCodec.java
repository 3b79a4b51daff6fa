package io.datamint.validation.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.ValidationBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSONB payload of a job, written out field by field so that the stored format is explicit and
 * stable (renaming a Java field must not orphan queued jobs):
 *
 * <pre>{@code
 * {"annotations": [{"item": "i1", "labeler": "w1", "label": "yes"}, ...],
 *  "items": {"i1": {"text": "...", "secondText": "..."}},
 *  "gold": {"i1": "yes"},
 *  "acceptThreshold": 0.5}
 * }</pre>
 */
public final class JobPayloadCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JobPayloadCodec() {}

  public static String encode(ValidationBatch batch) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode annotations = root.putArray("annotations");
    for (Annotation a : batch.annotations()) {
      annotations
          .addObject()
          .put("item", a.itemKey())
          .put("labeler", a.labelerKey())
          .put("label", a.label());
    }
    ObjectNode items = root.putObject("items");
    batch
        .items()
        .forEach(
            (key, content) -> {
              ObjectNode node = items.putObject(key).put("text", content.text());
              if (content.isPair()) {
                node.put("secondText", content.secondText());
              }
            });
    ObjectNode gold = root.putObject("gold");
    batch.gold().forEach(gold::put);
    root.put("acceptThreshold", batch.acceptThreshold());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not encode a validation batch", e);
    }
  }

  public static ValidationBatch decode(String jobKey, String payload) {
    try {
      JsonNode root = JSON.readTree(payload);
      List<Annotation> annotations = new ArrayList<>();
      for (JsonNode a : root.path("annotations")) {
        annotations.add(
            new Annotation(
                a.path("item").asText(), a.path("labeler").asText(), a.path("label").asText()));
      }
      Map<String, ItemContent> items = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = root.path("items").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode second = e.getValue().get("secondText");
        String text = e.getValue().path("text").asText();
        items.put(
            e.getKey(),
            second == null || second.isNull()
                ? ItemContent.of(text)
                : ItemContent.pair(text, second.asText()));
      }
      Map<String, String> gold = new LinkedHashMap<>();
      root.path("gold").fields().forEachRemaining(e -> gold.put(e.getKey(), e.getValue().asText()));
      return new ValidationBatch(
          jobKey, annotations, items, gold, root.path("acceptThreshold").asDouble(0.5));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("job " + jobKey + " has an unreadable payload", e);
    }
  }
}
