package io.datamint.pipeline.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.RejectionCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads JSON Lines: one JSON object per line, UTF-8. Blank lines are skipped. Each item is the
 * exact bytes of its line (without the line break), addressable by byte offset.
 */
public final class JsonLinesReader {

  private JsonLinesReader() {}

  public static void read(Path file, ReadContext ctx) throws IOException, BadInputException {
    int max = ctx.limits.maxRecordBytes();
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[8192];
    int len = 0;
    long lineStart = 0;
    long lineNo = 1;
    // read in chunks and split by hand: a synchronized read() per byte costs seconds per GiB
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        int from = 0;
        for (int i = 0; i <= n; i++) {
          boolean newline = i < n && chunk[i] == '\n';
          if (!newline && i < n) {
            continue;
          }
          int piece = i - from;
          if (len + piece > line.length) {
            if (len + piece > max) {
              throw BadInputException.at(
                  RejectionCode.MALFORMED_JSON,
                  "line " + lineNo,
                  "the line is longer than " + (max >> 20) + " MiB");
            }
            line = Arrays.copyOf(line, Math.min(max, Math.max(len + piece, line.length * 2)));
          }
          System.arraycopy(chunk, from, line, len, piece);
          len += piece;
          from = i + 1;
          if (newline) {
            line(line, len, lineStart, lineNo, ctx);
            lineStart += len + 1;
            lineNo++;
            len = 0;
          }
        }
      }
      line(line, len, lineStart, lineNo, ctx);
    }
  }

  private static void line(byte[] line, int len, long lineStart, long lineNo, ReadContext ctx)
      throws BadInputException {
    int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    int start = lineNo == 1 && startsWithBom(line, end) ? 3 : 0;
    if (!isBlank(line, start, end)) {
      handle(line, start, end, lineStart + start, lineNo, ctx);
    }
  }

  private static void handle(
      byte[] buf, int start, int end, long offset, long lineNo, ReadContext ctx)
      throws BadInputException {
    String where = "line " + lineNo;
    JsonNode node;
    try {
      node = ctx.json.readTree(buf, start, end - start);
    } catch (JsonProcessingException e) {
      throw BadInputException.at(
          RejectionCode.MALFORMED_JSON, where, "invalid JSON: " + JsonRecords.reason(e));
    } catch (IOException e) {
      throw BadInputException.at(RejectionCode.MALFORMED_JSON, where, "invalid JSON");
    }
    if (!node.isObject()) {
      throw BadInputException.at(
          RejectionCode.MALFORMED_JSON,
          where,
          "expected a JSON object, found " + JsonRecords.kind(node));
    }
    ItemId id = ctx.emit(buf, start, end - start, where, offset);
    JsonRecords.profile(node, id, where, ctx);
  }

  private static boolean startsWithBom(byte[] b, int len) {
    return len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static boolean isBlank(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
