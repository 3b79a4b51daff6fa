package io.datamint.webapp.infrastructure.campaign;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.pipeline.read.CsvReader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a version's content again with the consensus labels of a campaign added, in the shape each
 * format (and our own inspector) understands as labels:
 *
 * <ul>
 *   <li>CSV/TSV: two columns at the end, {@code consensus_label} and {@code consensus_confidence}
 *       (empty for items without a consensus); several labels of a multi-label item joined by
 *       {@code |};
 *   <li>JSON Lines and JSON arrays: the same two fields in each object (the label an array for
 *       multi-label);
 *   <li>ZIP archives: each entry moved into the folder of its consensus label (the layout the
 *       inspector reads as labels; several labels joined by {@code +}, no consensus: {@code
 *       unlabeled/}). A folder cannot say how sure it is, so archives carry no confidence.
 * </ul>
 *
 * Items are matched by their locator ({@code line N}, {@code entry NAME}), counted exactly as the
 * inspector counted them. Everything streams: the content is never whole in memory.
 */
final class ConsensusFiles {

  static final String LABEL = "consensus_label";
  static final String CONFIDENCE = "consensus_confidence";
  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConsensusFiles() {}

  /**
   * @throws UnsupportedOperationException for formats that cannot carry labels yet
   */
  static void write(
      ContentFormat format,
      InputStream original,
      Map<String, ConsensusLabel> byLocator,
      OutputStream out)
      throws IOException {
    switch (format) {
      case CSV, TSV -> csv(format, original, byLocator, out);
      case JSONL -> jsonLines(original, byLocator, out);
      case JSON -> jsonArray(original, byLocator, out);
      case ZIP_OF_IMAGES, ZIP_OF_TEXT -> archive(original, byLocator, out);
      default ->
          throw new UnsupportedOperationException(
              "consensus labels cannot be written into " + format + " datasets yet");
    }
  }

  private static void csv(
      ContentFormat format,
      InputStream original,
      Map<String, ConsensusLabel> byLocator,
      OutputStream out)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(original, SAMPLE_BYTES * 2);
    in.mark(SAMPLE_BYTES + 4);
    byte[] head = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    int bom =
        head.length >= 3
                && (head[0] & 0xff) == 0xef
                && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf
            ? 3
            : 0;
    in.skipNBytes(bom);
    char delimiter =
        format == ContentFormat.TSV
            ? '\t'
            : CsvReader.detectDelimiter(
                new String(head, bom, head.length - bom, StandardCharsets.UTF_8));
    // the inspector's reading of the file, so that "line N" means the same record
    CSVFormat reading =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    CSVFormat writing =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\n").get();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .setFormat(reading)
            .get()) {
      CSVPrinter printer = new CSVPrinter(writer, writing);
      Iterator<CSVRecord> records = parser.iterator();
      long lastEndLine = 0;
      boolean first = true;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long startLine = lastEndLine + 1;
        lastEndLine = parser.getCurrentLineNumber();
        List<String> values = new ArrayList<>(record.size() + 2);
        record.forEach(values::add);
        if (first && CsvReader.isHeader(record)) {
          values.add(LABEL);
          values.add(CONFIDENCE);
        } else {
          ConsensusLabel consensus = byLocator.get("line " + startLine);
          values.add(consensus == null ? "" : String.join("|", consensus.labels()));
          values.add(consensus == null ? "" : confidence(consensus));
        }
        first = false;
        printer.printRecord(values);
      }
      printer.flush();
    }
  }

  private static void jsonLines(
      InputStream original, Map<String, ConsensusLabel> byLocator, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(original, StandardCharsets.UTF_8));
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      if (!(node instanceof ObjectNode object)) {
        throw new IOException("line " + number + " is not a JSON object");
      }
      label(object, byLocator.get("line " + number));
      writer.write(JSON.writeValueAsString(object));
      writer.write('\n');
    }
    writer.flush();
  }

  private static void jsonArray(
      InputStream original, Map<String, ConsensusLabel> byLocator, OutputStream out)
      throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(original);
        JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not a JSON array");
      }
      generator.writeStartArray();
      long element = 0;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        element++;
        // the locator exactly as the inspector wrote it
        String locator =
            "element " + element + " (line " + parser.currentTokenLocation().getLineNr() + ")";
        JsonNode node = JSON.readTree(parser);
        if (node instanceof ObjectNode object) {
          label(object, byLocator.get(locator));
        }
        generator.writeTree(node);
        generator.writeRaw('\n');
      }
      generator.writeEndArray();
    }
  }

  private static void label(ObjectNode object, ConsensusLabel consensus) {
    if (consensus == null) {
      return;
    }
    if (consensus.labels().size() == 1) {
      object.put(LABEL, consensus.labels().get(0));
    } else {
      ArrayNode labels = object.putArray(LABEL);
      consensus.labels().forEach(labels::add);
    }
    object.put(CONFIDENCE, Double.parseDouble(confidence(consensus)));
  }

  private static void archive(
      InputStream original, Map<String, ConsensusLabel> byLocator, OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    Set<String> written = new HashSet<>();
    try (ZipInputStream entries = new ZipInputStream(original, StandardCharsets.UTF_8)) {
      for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        String name = e.getName();
        if (e.isDirectory() || isJunk(name)) {
          continue;
        }
        ConsensusLabel consensus = byLocator.get("entry " + name);
        String folder = consensus == null ? "unlabeled" : folderOf(consensus.labels());
        String base = name.substring(name.lastIndexOf('/') + 1);
        String target = folder + "/" + base;
        for (int n = 2; !written.add(target); n++) {
          target = folder + "/" + n + "-" + base;
        }
        zip.putNextEntry(new ZipEntry(target));
        entries.transferTo(zip);
        zip.closeEntry();
      }
    }
    zip.finish();
  }

  /** A folder name from labels: path separators and dots-only names cannot pass inspection. */
  private static String folderOf(List<String> labels) {
    String joined = String.join("+", labels).replaceAll("[/\\\\:]", "_").strip();
    return joined.isEmpty() || joined.chars().allMatch(c -> c == '.') ? "unlabeled" : joined;
  }

  private static boolean isJunk(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db");
  }

  private static String confidence(ConsensusLabel consensus) {
    return String.format(Locale.ROOT, "%.4f", consensus.confidence());
  }
}
