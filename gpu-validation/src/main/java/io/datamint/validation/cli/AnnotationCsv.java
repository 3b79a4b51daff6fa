package io.datamint.validation.cli;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the command line's input files. Annotations: a header with {@code item_id, worker_id,
 * label} (any order, more columns allowed) and optionally text columns. Gold: {@code item_id,
 * label}. Every problem names the file and the line where the offending record starts.
 */
public final class AnnotationCsv {

  /** What an annotations file held. */
  public record Annotations(List<Annotation> annotations, Map<String, ItemContent> items) {}

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  private AnnotationCsv() {}

  /**
   * @param textColumn column with the item content, or null
   * @param pairColumn column with the second text of a pair, or null
   */
  public static Annotations readAnnotations(Path file, String textColumn, String pairColumn)
      throws CsvInputException {
    List<String> required = new ArrayList<>(List.of("item_id", "worker_id", "label"));
    if (textColumn != null) {
      required.add(textColumn);
    }
    if (pairColumn != null) {
      required.add(pairColumn);
    }
    List<Annotation> annotations = new ArrayList<>();
    Map<String, ItemContent> items = new LinkedHashMap<>();
    Map<String, Long> firstLine = new HashMap<>();
    read(
        file,
        required,
        (record, line) -> {
          String item = field(file, record, line, "item_id");
          String worker = field(file, record, line, "worker_id");
          String label = field(file, record, line, "label");
          Long earlier = firstLine.putIfAbsent(item + '\u0000' + worker, line);
          if (earlier != null) {
            throw new CsvInputException(
                file,
                line,
                "worker " + worker + " already labeled item " + item + " on line " + earlier);
          }
          annotations.add(new Annotation(item, worker, label));
          if (textColumn != null && !items.containsKey(item)) {
            String text = record.get(textColumn);
            if (!text.isBlank()) {
              items.put(
                  item,
                  pairColumn == null
                      ? ItemContent.of(text)
                      : ItemContent.pair(text, record.get(pairColumn)));
            }
          }
        });
    return new Annotations(annotations, items);
  }

  /** Gold answers: {@code item_id,label}. */
  public static Map<String, String> readGold(Path file) throws CsvInputException {
    Map<String, String> gold = new LinkedHashMap<>();
    read(
        file,
        List.of("item_id", "label"),
        (record, line) -> {
          String item = field(file, record, line, "item_id");
          String label = field(file, record, line, "label");
          String earlier = gold.put(item, label);
          if (earlier != null && !earlier.equals(label)) {
            throw new CsvInputException(
                file, line, "item " + item + " has two gold labels: " + earlier + ", " + label);
          }
        });
    return gold;
  }

  @FunctionalInterface
  private interface RowHandler {
    void accept(CSVRecord record, long line) throws CsvInputException;
  }

  private static void read(Path file, List<String> required, RowHandler handler)
      throws CsvInputException {
    if (!Files.isRegularFile(file)) {
      throw new CsvInputException(file, 0, "no such file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new CsvInputException(
            file, 1, "empty file: expected a header with " + String.join(",", required));
      }
      List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new CsvInputException(
            file,
            1,
            "missing column(s) "
                + String.join(",", missing)
                + " (header has "
                + String.join(",", header)
                + ")");
      }
      Iterator<CSVRecord> records = parser.iterator();
      int rows = 0;
      while (true) {
        // The record starts on the line after the parser's position before reading it.
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new CsvInputException(file, line, "malformed CSV: " + rootMessage(e));
        }
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (record.size() != header.size()) {
          throw new CsvInputException(
              file,
              line,
              "malformed row: " + record.size() + " fields, the header has " + header.size());
        }
        handler.accept(record, line);
        rows++;
      }
      if (rows == 0) {
        throw new CsvInputException(file, 2, "no rows after the header");
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CsvInputException(file, 1, "unreadable: " + rootMessage(e));
    } catch (IllegalArgumentException e) {
      // commons-csv rejects e.g. duplicate or empty header names while reading the header.
      throw new CsvInputException(file, 1, "bad header: " + e.getMessage());
    }
  }

  private static String field(Path file, CSVRecord record, long line, String column)
      throws CsvInputException {
    String value = record.get(column);
    if (value == null || value.isBlank()) {
      throw new CsvInputException(file, line, "empty " + column);
    }
    return value;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
