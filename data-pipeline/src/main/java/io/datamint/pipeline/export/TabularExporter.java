package io.datamint.pipeline.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.pipeline.read.CsvReader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Converts the plaintext of a tabular version into JSON Lines or CSV, one record at a time, so a
 * download of any size streams from IPFS through decryption to the buyer. Columns come from the
 * version's manifest (the schema inspection inferred), in its order; a record lacking a column gets
 * an empty CSV field or no JSON key. When labels are given (the consensus label of each item by
 * ordinal, from validation), they are added as a {@code _label} column.
 */
public final class TabularExporter {

  public static final String LABEL_COLUMN = "_label";

  private final ObjectMapper json;

  public TabularExporter(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json must not be null");
  }

  /**
   * @param labels the label of the item with a given ordinal, or null; may itself be null
   * @return the number of records written
   */
  public long export(
      InputStream plaintext,
      Manifest manifest,
      ExportFormat target,
      OutputStream out,
      LongFunction<String> labels)
      throws IOException {
    Objects.requireNonNull(plaintext, "plaintext must not be null");
    Objects.requireNonNull(manifest, "manifest must not be null");
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(out, "out must not be null");
    if (manifest.format().modality() != ContentFormat.Modality.TABULAR) {
      throw new IllegalArgumentException(
          manifest.format() + " is not tabular: it is downloaded as it is, not exported");
    }
    List<String> columns = new ArrayList<>();
    for (ColumnProfile c : manifest.columns()) {
      columns.add(c.name());
    }
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    Sink sink =
        target == ExportFormat.JSONL
            ? new JsonLinesSink(writer, labels)
            : new CsvSink(writer, columns, labels);
    long n =
        switch (manifest.format()) {
          case CSV -> fromCsv(plaintext, (char) 0, columns, sink);
          case TSV -> fromCsv(plaintext, '\t', columns, sink);
          case JSONL -> fromJsonLines(plaintext, sink);
          case JSON -> fromJsonArray(plaintext, sink);
          default -> throw new IllegalArgumentException("not tabular: " + manifest.format());
        };
    sink.finish();
    writer.flush();
    return n;
  }

  private interface Sink {
    void record(long ordinal, ObjectNode record) throws IOException;

    void finish() throws IOException;
  }

  private long fromCsv(InputStream in, char forced, List<String> columns, Sink sink)
      throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(1 << 16);
    String sample = new String(buffered.readNBytes(1 << 16), StandardCharsets.UTF_8);
    buffered.reset();
    char delimiter = forced != 0 ? forced : CsvReader.detectDelimiter(sample);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(buffered, StandardCharsets.UTF_8), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    long ordinal = 0;
    boolean first = true;
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord r : parser) {
        if (first) {
          first = false;
          if (CsvReader.isHeader(r)) {
            continue;
          }
        }
        ObjectNode o = json.createObjectNode();
        for (int i = 0; i < columns.size() && i < r.size(); i++) {
          o.put(columns.get(i), r.get(i));
        }
        sink.record(ordinal++, o);
      }
    }
    return ordinal;
  }

  private long fromJsonLines(InputStream in, Sink sink) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    long ordinal = 0;
    String line;
    boolean first = true;
    while ((line = reader.readLine()) != null) {
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      first = false;
      if (line.isBlank()) {
        continue;
      }
      sink.record(ordinal++, (ObjectNode) json.readTree(line));
    }
    return ordinal;
  }

  private long fromJsonArray(InputStream in, Sink sink) throws IOException {
    long ordinal = 0;
    try (JsonParser p = json.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("content is not a JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        sink.record(ordinal++, (ObjectNode) json.readTree(p));
      }
    }
    return ordinal;
  }

  private final class JsonLinesSink implements Sink {
    private final Writer out;
    private final LongFunction<String> labels;

    JsonLinesSink(Writer out, LongFunction<String> labels) {
      this.out = out;
      this.labels = labels;
    }

    @Override
    public void record(long ordinal, ObjectNode record) throws IOException {
      if (labels != null) {
        String label = labels.apply(ordinal);
        if (label != null) {
          record.put(LABEL_COLUMN, label);
        }
      }
      out.write(json.writeValueAsString(record));
      out.write('\n');
    }

    @Override
    public void finish() {}
  }

  private static final class CsvSink implements Sink {
    private final CSVPrinter printer;
    private final List<String> columns;
    private final LongFunction<String> labels;
    private final List<String> row = new ArrayList<>();

    CsvSink(Writer out, List<String> columns, LongFunction<String> labels) throws IOException {
      this.columns = columns;
      this.labels = labels;
      List<String> header = new ArrayList<>(columns);
      if (labels != null) {
        header.add(LABEL_COLUMN);
      }
      this.printer =
          new CSVPrinter(
              out,
              CSVFormat.RFC4180
                  .builder()
                  .setRecordSeparator("\n")
                  .setHeader(header.toArray(String[]::new))
                  .get());
    }

    @Override
    public void record(long ordinal, ObjectNode record) throws IOException {
      row.clear();
      for (String c : columns) {
        JsonNode v = record.get(c);
        row.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      }
      if (labels != null) {
        String label = labels.apply(ordinal);
        row.add(label == null ? "" : label);
      }
      printer.printRecord(row);
    }

    @Override
    public void finish() throws IOException {
      printer.flush();
    }
  }
}
