package io.datamint.webapp.infrastructure.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.campaign.ItemContents;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.pipeline.read.CsvReader;
import io.datamint.pipeline.read.ImageRecords;
import io.datamint.pipeline.read.ZipLocalEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Serves an item's content to the labeler holding it: decrypts the version from IPFS with its data
 * key (streamed, never whole in memory), finds the item the way the inspector emitted it, and
 * checks it against the item id (whose first 16 hex digits are the start of the SHA-256 of the
 * item's bytes), so a labeler is never shown another item than the one leased. The dataset's own
 * label column is left out: it would give the answer away.
 *
 * <ul>
 *   <li>CSV/TSV: the record at the item's byte offset (or line, for items inspected before offsets
 *       were recorded), parsed as the inspector parses it; its fields by column name;
 *   <li>JSON Lines: the bytes at the item's offset; the object's top-level fields;
 *   <li>JSON arrays: the element starting at the item's offset; its top-level fields;
 *   <li>a single image (PNG, JPEG, WebP): the whole file;
 *   <li>an image or text file of a ZIP archive: the entry alone, from its local header.
 * </ul>
 *
 * Items with a byte offset are read with a ranged read: only the AES-GCM chunks that hold the item
 * are fetched from IPFS (Kubo {@code cat} with offset and length) and decrypted, so the cost does
 * not grow with the item's position. Validation asks for many items at once: CSV records then come
 * from one pass over the file.
 */
@ApplicationScoped
public class DecryptingItemContents implements ItemContents {

  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final char UNIT_SEPARATOR = '\u001f';
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ContentStore store;
  @Inject KeyWrapper wrapper;
  @Inject ContentCipher cipher;

  public DecryptingItemContents() {
    // for CDI
  }

  /** For tests: the ports it decrypts with. */
  public DecryptingItemContents(ContentStore store, KeyWrapper wrapper, ContentCipher cipher) {
    this.store = store;
    this.wrapper = wrapper;
    this.cipher = cipher;
  }

  @Override
  public TaskContent contentOf(Dataset dataset, DatasetVersion version, Item item) {
    Manifest manifest =
        version.manifest().orElseThrow(() -> new IllegalStateException("version not inspected"));
    StoredContent stored =
        version
            .storedContent()
            .orElseThrow(() -> new IllegalStateException("version has no stored content"));
    DataKey key = unwrap(stored, version);
    try {
      return read(manifest.format(), manifest.labelColumn(), stored.contentCid(), key, item);
    } finally {
      key.destroy();
    }
  }

  /**
   * Many items of one version, for validation: CSV records in one pass over the file (a ranged read
   * per record would cost two requests each), other formats item by item with ranged reads.
   */
  @Override
  public Map<ItemId, TaskContent> contentsOf(
      Dataset dataset, DatasetVersion version, Collection<Item> items) {
    Manifest manifest =
        version.manifest().orElseThrow(() -> new IllegalStateException("version not inspected"));
    if (manifest.format() != ContentFormat.CSV && manifest.format() != ContentFormat.TSV) {
      return ItemContents.super.contentsOf(dataset, version, items);
    }
    StoredContent stored =
        version
            .storedContent()
            .orElseThrow(() -> new IllegalStateException("version has no stored content"));
    DataKey key = unwrap(stored, version);
    try (InputStream plaintext = cipher.decrypting(store.open(stored.contentCid()), key)) {
      Map<ItemId, TaskContent> found =
          csvRecords(plaintext, manifest.format(), manifest.labelColumn(), items);
      for (Item item : items) {
        if (!found.containsKey(item.id())) {
          throw new IllegalStateException(
              "item " + item.id() + " (" + item.locator() + ") not found");
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the items of the version", e);
    } finally {
      key.destroy();
    }
  }

  /** The item of a stored version whose data key is {@code key}. */
  TaskContent read(ContentFormat format, String labelColumn, Cid cid, DataKey key, Item item) {
    try {
      return switch (format) {
        case CSV, TSV -> {
          Optional<TaskContent> ranged =
              item.byteOffset() >= 0
                  ? csvRecordAt(cid, key, format, labelColumn, item)
                  : Optional.empty();
          if (ranged.isPresent()) {
            yield ranged.get();
          }
          try (InputStream plaintext = cipher.decrypting(store.open(cid), key)) {
            yield csvRecord(plaintext, format, labelColumn, item);
          }
        }
        case JSONL -> {
          if (item.byteOffset() < 0) {
            throw new IllegalStateException("item " + item.id() + " has no byte range");
          }
          try (InputStream line = range(cid, key, item.byteOffset(), item.byteLength())) {
            yield jsonLine(line, labelColumn, item);
          }
        }
        case JSON -> {
          if (item.byteOffset() < 0) {
            throw new IllegalStateException("item " + item.id() + " has no byte range");
          }
          // the element's length in the file is unknown (only its canonical form was hashed):
          // read from its start and stop after the one value
          try (InputStream element = range(cid, key, item.byteOffset(), Long.MAX_VALUE)) {
            yield jsonElement(element, labelColumn, item);
          }
        }
        case PNG, JPEG, WEBP -> {
          try (InputStream plaintext = cipher.decrypting(store.open(cid), key)) {
            yield image(plaintext, format, item);
          }
        }
        case ZIP_OF_IMAGES, ZIP_OF_TEXT -> archiveEntry(cid, key, format, item);
        default ->
            throw new IllegalStateException(
                "items of " + format + " datasets are not served to labelers yet");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the item " + item.id() + " of the version", e);
    }
  }

  /** Only the chunks of the stored ciphertext that hold the range are fetched and decrypted. */
  private InputStream range(Cid cid, DataKey key, long offset, long length) throws IOException {
    return cipher.decryptingRange(
        (from, bytes) -> store.open(cid, from, bytes), key, offset, length);
  }

  /**
   * An image or text file of a ZIP archive: read alone from its local header when the inspection
   * recorded where that is, else found by scanning the archive (versions inspected before offsets
   * were recorded). The entry's name is not shown: its folder is the dataset's label.
   */
  private TaskContent archiveEntry(Cid cid, DataKey key, ContentFormat format, Item item)
      throws IOException {
    String name = entryName(item);
    byte[] bytes;
    if (item.byteOffset() >= 0) {
      try (InputStream record =
          range(cid, key, item.byteOffset(), ZipLocalEntry.maxRecordLength(item.byteLength()))) {
        bytes = ZipLocalEntry.read(record, name, item.byteLength());
      }
    } else {
      try (InputStream plaintext = cipher.decrypting(store.open(cid), key)) {
        bytes = scanArchive(plaintext, name, item.byteLength());
      }
    }
    verify(bytes, item);
    if (format == ContentFormat.ZIP_OF_IMAGES) {
      ContentFormat image = ImageRecords.formatOf(name);
      if (image == null) {
        throw new IllegalStateException("entry " + name + " is not an image");
      }
      return TaskContent.image(image.mediaType(), bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return TaskContent.fields(Map.of("text", text.startsWith("\uFEFF") ? text.substring(1) : text));
  }

  static byte[] scanArchive(InputStream plaintext, String name, long size) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(plaintext, StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          byte[] bytes = zip.readNBytes(Math.toIntExact(size));
          if (bytes.length != size) {
            throw new IOException("entry " + name + " ends early");
          }
          return bytes;
        }
      }
    }
    throw new IllegalStateException("entry " + name + " is not in the archive");
  }

  private static String entryName(Item item) {
    String locator = item.locator();
    if (!locator.startsWith("entry ")) {
      throw new IllegalStateException("item " + item.id() + " is not an archive entry: " + locator);
    }
    return locator.substring(6);
  }

  private DataKey unwrap(StoredContent stored, DatasetVersion version) {
    byte[] raw;
    try {
      raw = wrapper.unwrap(stored.wrappedDataKey(), version.keyContext());
    } catch (GeneralSecurityException e) {
      throw new SecurityException(
          "the data key of " + version.keyContext() + " does not unwrap", e);
    }
    try {
      return new DataKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * The record at the item's byte offset, read with two ranged reads: the start of the file (the
   * delimiter and the header's column names) and the record itself. Empty when what is found there
   * is not the item (an offset from a file the inspector read differently, a record longer than the
   * range): the caller then parses from the start.
   */
  private Optional<TaskContent> csvRecordAt(
      Cid cid, DataKey key, ContentFormat format, String labelColumn, Item item) {
    try {
      byte[] head;
      try (InputStream in = range(cid, key, 0, SAMPLE_BYTES)) {
        head = in.readNBytes(SAMPLE_BYTES);
      }
      int bom = bomLength(head);
      CSVFormat csv = csvFormat(format, head, bom);
      List<String> names;
      try (CSVParser parser =
          parser(new java.io.ByteArrayInputStream(head, bom, head.length - bom), csv)) {
        names = columnNames(parser.iterator().next());
      }
      // a raw record is at most about three times its canonical bytes (quotes, doubled quotes)
      long length = 3 * item.byteLength() + SAMPLE_BYTES;
      List<String> values = new ArrayList<>();
      try (InputStream in = range(cid, key, item.byteOffset(), length);
          CSVParser parser = parser(in, csv)) {
        parser.iterator().next().forEach(values::add);
      }
      byte[] canonical =
          String.join(String.valueOf(UNIT_SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
      if (!matches(canonical, item)) {
        return Optional.empty();
      }
      return Optional.of(TaskContent.fields(fields(names, values, labelColumn)));
    } catch (IOException | RuntimeException notThere) {
      return Optional.empty();
    }
  }

  private static int bomLength(byte[] head) {
    return head.length >= 3
            && (head[0] & 0xff) == 0xef
            && (head[1] & 0xff) == 0xbb
            && (head[2] & 0xff) == 0xbf
        ? 3
        : 0;
  }

  /** The inspector's reading of the file, so that records and lines mean the same. */
  private static CSVFormat csvFormat(ContentFormat format, byte[] head, int bom) {
    char delimiter =
        format == ContentFormat.TSV
            ? '\t'
            : CsvReader.detectDelimiter(
                new String(head, bom, head.length - bom, StandardCharsets.UTF_8));
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(true)
        .setTrim(false)
        .get();
  }

  private static CSVParser parser(InputStream in, CSVFormat csv) throws IOException {
    return CSVParser.builder()
        .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
        .setFormat(csv)
        .get();
  }

  private static Map<String, String> fields(
      List<String> names, List<String> values, String labelColumn) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < values.size() && i < names.size(); i++) {
      if (!names.get(i).equals(labelColumn)) {
        fields.put(names.get(i), values.get(i));
      }
    }
    return fields;
  }

  /** The record starting at the item's line ("line N"), counted as the inspector counts. */
  static TaskContent csvRecord(
      InputStream plaintext, ContentFormat format, String labelColumn, Item item)
      throws IOException {
    Map<ItemId, TaskContent> found = csvRecords(plaintext, format, labelColumn, List.of(item));
    TaskContent content = found.get(item.id());
    if (content == null) {
      throw new IllegalStateException("item " + item.id() + " (" + item.locator() + ") not found");
    }
    return content;
  }

  /**
   * The records of the items, found in one pass from the start of the file: lines counted as the
   * inspector counts them, each record checked against its item id. Stops after the last one.
   */
  static Map<ItemId, TaskContent> csvRecords(
      InputStream plaintext, ContentFormat format, String labelColumn, Collection<Item> items)
      throws IOException {
    Map<Long, Item> byLine = new HashMap<>();
    for (Item item : items) {
      byLine.put(lineOf(item), item);
    }
    long lastWanted = byLine.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    BufferedInputStream in = new BufferedInputStream(plaintext, SAMPLE_BYTES * 2);
    in.mark(SAMPLE_BYTES + 4);
    byte[] head = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    int bom = bomLength(head);
    in.skipNBytes(bom);
    Map<ItemId, TaskContent> found = new LinkedHashMap<>();
    try (CSVParser parser = parser(in, csvFormat(format, head, bom))) {
      Iterator<CSVRecord> records = parser.iterator();
      long lastEndLine = 0;
      List<String> names = null;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long startLine = lastEndLine + 1;
        lastEndLine = parser.getCurrentLineNumber();
        if (names == null) {
          names = columnNames(record);
          if (CsvReader.isHeader(record)) {
            continue;
          }
        }
        Item item = byLine.get(startLine);
        if (item != null) {
          List<String> values = new ArrayList<>(record.size());
          record.forEach(values::add);
          verify(
              String.join(String.valueOf(UNIT_SEPARATOR), values).getBytes(StandardCharsets.UTF_8),
              item);
          found.put(item.id(), TaskContent.fields(fields(names, values, labelColumn)));
        }
        if (startLine >= lastWanted) {
          break;
        }
      }
    }
    return found;
  }

  private static List<String> columnNames(CSVRecord first) {
    boolean header = CsvReader.isHeader(first);
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < first.size(); i++) {
      String base = header ? first.get(i).strip() : "column_" + (i + 1);
      String name = base;
      for (int n = 2; !seen.add(name); n++) {
        name = base + "_" + n;
      }
      names.add(name);
    }
    return names;
  }

  /** The JSON object of one element of a top-level array, from a stream that starts at it. */
  static TaskContent jsonElement(InputStream element, String labelColumn, Item item)
      throws IOException {
    JsonNode node;
    try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(element)) {
      parser.nextToken();
      node = JSON.readTree(parser);
    }
    verify(JSON.writeValueAsBytes(node), item);
    return TaskContent.fields(objectFields(node, labelColumn));
  }

  private static Map<String, String> objectFields(JsonNode node, String labelColumn) {
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals(labelColumn)) {
                JsonNode v = e.getValue();
                fields.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
              }
            });
    return fields;
  }

  /** The JSON object of one line, from a stream that starts at the item. */
  static TaskContent jsonLine(InputStream line, String labelColumn, Item item) throws IOException {
    byte[] bytes = line.readNBytes(Math.toIntExact(item.byteLength()));
    verify(bytes, item);
    JsonNode node = JSON.readTree(bytes);
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals(labelColumn)) {
                JsonNode v = e.getValue();
                fields.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
              }
            });
    return TaskContent.fields(fields);
  }

  static TaskContent image(InputStream plaintext, ContentFormat format, Item item)
      throws IOException {
    byte[] bytes = plaintext.readAllBytes();
    verify(bytes, item);
    return TaskContent.image(format.mediaType(), bytes);
  }

  private static long lineOf(Item item) {
    String locator = item.locator();
    if (!locator.startsWith("line ")) {
      throw new IllegalStateException("item " + item.id() + " is not a line: " + locator);
    }
    return Long.parseLong(locator.substring(5).strip());
  }

  /** The item id starts with the first 16 hex digits of the SHA-256 of the item's bytes. */
  static void verify(byte[] itemBytes, Item item) {
    if (!matches(itemBytes, item)) {
      throw new IllegalStateException(
          "the content found for item " + item.id() + " is not that item's content");
    }
  }

  private static boolean matches(byte[] itemBytes, Item item) {
    try {
      String digest =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(itemBytes));
      return item.id().value().startsWith(digest.substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
