package io.datamint.pipeline.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.RejectionCode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a JSON document that is an array of objects, streaming: one element in memory at a time,
 * whatever the size of the array. Each item is the element re-serialized compactly, so its id does
 * not depend on the file's whitespace.
 */
public final class JsonArrayReader {

  private JsonArrayReader() {}

  public static void read(Path file, ReadContext ctx) throws IOException, BadInputException {
    long element = 0;
    // elements are read one by one from a shared parser: what follows an element is the rest
    // of the array, not a trailing token
    ObjectReader elements =
        ctx.json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try (JsonParser p = ctx.json.getFactory().createParser(file.toFile())) {
      try {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_ARRAY) {
          throw BadInputException.at(
              RejectionCode.MALFORMED_JSON,
              "line 1",
              "expected a JSON array of objects at the top level (for one object per line, name"
                  + " the file .jsonl)");
        }
        while (true) {
          JsonToken t = p.nextToken();
          if (t == JsonToken.END_ARRAY) {
            break;
          }
          if (t == null) {
            throw BadInputException.at(
                RejectionCode.MALFORMED_JSON, "end of file", "the array is never closed");
          }
          element++;
          JsonLocation at = p.currentTokenLocation();
          String where = "element " + element + " (line " + at.getLineNr() + ")";
          if (t != JsonToken.START_OBJECT) {
            JsonNode n = elements.readTree(p);
            throw BadInputException.at(
                RejectionCode.MALFORMED_JSON,
                where,
                "expected a JSON object, found " + JsonRecords.kind(n));
          }
          long start = at.getByteOffset();
          JsonNode node = elements.readTree(p);
          byte[] canonical = ctx.json.writeValueAsBytes(node);
          ItemId id = ctx.emit(canonical, where, start);
          JsonRecords.profile(node, id, where, ctx);
        }
        if (p.nextToken() != null) {
          throw BadInputException.at(
              RejectionCode.MALFORMED_JSON,
              "line " + p.currentTokenLocation().getLineNr(),
              "unexpected content after the closing ]");
        }
      } catch (JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String where =
            (element > 0 ? "element " + element + ", " : "")
                + (l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr());
        throw BadInputException.at(
            RejectionCode.MALFORMED_JSON, where, "invalid JSON: " + JsonRecords.reason(e));
      }
    }
  }
}
