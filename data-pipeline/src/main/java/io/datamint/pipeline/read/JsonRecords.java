package io.datamint.pipeline.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.RejectionCode;
import java.util.Iterator;
import java.util.Map;

/** What JSON Lines and JSON arrays share: one object is one record. */
final class JsonRecords {

  private JsonRecords() {}

  static void profile(JsonNode object, ItemId id, String location, ReadContext ctx)
      throws BadInputException {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      int col = ctx.table.column(f.getKey());
      if (col < 0) {
        throw BadInputException.at(
            RejectionCode.MALFORMED_JSON,
            location,
            "the records use more than " + ctx.limits.maxColumns() + " distinct keys");
      }
      ctx.table.json(col, f.getValue());
    }
    ctx.table.endRow();
    ctx.preview.record(id.value(), object);
  }

  /** Jackson's message without its source excerpt or location, which we give ourselves. */
  static String reason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "invalid JSON";
    }
    m = m.replaceAll("\\p{Cntrl}", " ").strip();
    return m.length() <= 200 ? m : m.substring(0, 200) + "…";
  }

  static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
