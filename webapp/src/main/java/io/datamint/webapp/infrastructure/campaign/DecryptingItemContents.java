package io.datamint.webapp.infrastructure.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.campaign.ItemContents;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.pipeline.read.CsvReader;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>CSV/TSV: the record at the item's line, parsed as the inspector parses it; its fields by
 *       column name;
 *   <li>JSON Lines: the bytes at the item's offset; the object's top-level fields;
 *   <li>a single image (PNG, JPEG, WebP): the whole file.
 * </ul>
 *
 * JSON arrays and ZIP archives are not served yet (the inspector records no byte range for them).
 * Each call decrypts from the start of the file up to the item, so the cost grows with the item's
 * position: fine for the datasets labeled so far, a ranged read (Kubo {@code cat} with offset and
 * the chunk of the AES-GCM stream) is the way to large ones.
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
    ContentFormat format = manifest.format();
    DataKey key = unwrap(stored, version);
    try (InputStream plaintext = cipher.decrypting(store.open(stored.contentCid()), key)) {
      return switch (format) {
        case CSV, TSV -> csvRecord(plaintext, format, manifest.labelColumn(), item);
        case JSONL -> jsonLine(plaintext, manifest.labelColumn(), item);
        case PNG, JPEG, WEBP -> image(plaintext, format, item);
        default ->
            throw new IllegalStateException(
                "items of " + format + " datasets are not served to labelers yet");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the item " + item.id() + " of the version", e);
    } finally {
      key.destroy();
    }
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

  /** The record starting at the item's line ("line N"), counted as the inspector counts. */
  static TaskContent csvRecord(
      InputStream plaintext, ContentFormat format, String labelColumn, Item item)
      throws IOException {
    long wanted = lineOf(item);
    BufferedInputStream in = new BufferedInputStream(plaintext, SAMPLE_BYTES * 2);
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
    CSVFormat csv =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .setFormat(csv)
            .get()) {
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
        if (startLine < wanted) {
          continue;
        }
        if (startLine > wanted) {
          break;
        }
        List<String> values = new ArrayList<>(record.size());
        record.forEach(values::add);
        verify(
            String.join(String.valueOf(UNIT_SEPARATOR), values).getBytes(StandardCharsets.UTF_8),
            item);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.size() && i < names.size(); i++) {
          if (!names.get(i).equals(labelColumn)) {
            fields.put(names.get(i), values.get(i));
          }
        }
        return TaskContent.fields(fields);
      }
    }
    throw new IllegalStateException("item " + item.id() + " (" + item.locator() + ") not found");
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

  static TaskContent jsonLine(InputStream plaintext, String labelColumn, Item item)
      throws IOException {
    if (item.byteOffset() < 0) {
      throw new IllegalStateException("item " + item.id() + " has no byte range");
    }
    plaintext.skipNBytes(item.byteOffset());
    byte[] bytes = plaintext.readNBytes(Math.toIntExact(item.byteLength()));
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
    try {
      String digest =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(itemBytes));
      if (!item.id().value().startsWith(digest.substring(0, 16))) {
        throw new IllegalStateException(
            "the content found for item " + item.id() + " is not that item's content");
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
