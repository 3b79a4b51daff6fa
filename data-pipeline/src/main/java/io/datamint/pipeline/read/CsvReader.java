package io.datamint.pipeline.read;

import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.pipeline.profile.ValueTypes;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV and TSV (RFC 4180 quoting) from UTF-8 text already validated as such. Detects the
 * delimiter from a sample (comma, tab, semicolon or pipe: the one that splits every sampled record
 * into the same number of fields, more than one) and whether the first record is a header (all
 * fields non-blank text, none a number, date or boolean). Every record must have as many fields as
 * the first; a ragged record or bad quoting rejects the file at its line.
 */
public final class CsvReader {

  static final char[] CANDIDATES = {',', '\t', ';', '|'};
  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final int SAMPLE_RECORDS = 50;
  private static final char UNIT_SEPARATOR = '\u001f';

  private CsvReader() {}

  /**
   * @param forcedDelimiter the delimiter when the format fixes it (tab for .tsv), or 0 to detect
   */
  public static void read(Path file, char forcedDelimiter, ReadContext ctx)
      throws IOException, BadInputException {
    char delimiter = forcedDelimiter != 0 ? forcedDelimiter : detectDelimiter(file);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    try (InputStream in =
            new BufferedInputStream(ctx.counted(Files.newInputStream(file)), 1 << 16);
        BoundedReader reader =
            new BoundedReader(text(in), ctx.limits.maxRecordBytes(), skipBom(in));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      parse(parser, reader, ctx);
    }
  }

  private static void parse(CSVParser parser, BoundedReader reader, ReadContext ctx)
      throws BadInputException {
    Iterator<CSVRecord> records = parser.iterator();
    long lastEndLine = 0;
    List<String> names = null;
    int[] columns = null;
    StringBuilder canonical = new StringBuilder(256);
    while (true) {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw malformed(e, reader, lastEndLine + 1);
      }
      long startLine = lastEndLine + 1;
      lastEndLine = parser.getCurrentLineNumber();
      reader.recordEndedAt(record.getCharacterPosition());
      if (names == null) {
        names = columnNames(record, ctx);
        columns = new int[names.size()];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = ctx.table.column(names.get(i));
          if (columns[i] < 0) {
            throw BadInputException.at(
                RejectionCode.MALFORMED_CSV,
                "line 1",
                "the file has more than " + ctx.limits.maxColumns() + " columns");
          }
        }
        if (isHeader(record)) {
          continue;
        }
      }
      if (record.size() != columns.length) {
        throw BadInputException.at(
            RejectionCode.MALFORMED_CSV,
            "line " + startLine,
            "expected "
                + columns.length
                + " fields, as in the first line, but found "
                + record.size());
      }
      canonical.setLength(0);
      for (int i = 0; i < columns.length; i++) {
        String v = record.get(i);
        ctx.table.text(columns[i], v);
        if (i > 0) {
          canonical.append(UNIT_SEPARATOR);
        }
        canonical.append(v);
      }
      ctx.table.endRow();
      String id =
          ctx.emit(
                  canonical.toString().getBytes(StandardCharsets.UTF_8),
                  "line " + startLine,
                  reader.byteOffsetOf(record.getCharacterPosition()))
              .value();
      if (ctx.preview.wantsMore()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
          row.put(names.get(i), record.get(i));
        }
        ctx.preview.record(id, row);
      }
    }
  }

  private static BadInputException malformed(RuntimeException e, BoundedReader reader, long line) {
    if (reader.overflowed) {
      return BadInputException.at(
          RejectionCode.MALFORMED_CSV,
          "line " + line,
          "the record starting here is longer than "
              + (reader.maxChars >> 20)
              + " MiB; is a quote left open?");
    }
    String msg = String.valueOf(e.getMessage());
    String why =
        msg.contains("EOF reached before encapsulated token finished")
            ? "a quoted field starting in this record is never closed"
            : "badly quoted field: a field must be quoted as a whole, and a quote inside a"
                + " quoted field must be doubled (\"\")";
    return BadInputException.at(RejectionCode.MALFORMED_CSV, "line " + line, why);
  }

  private static List<String> columnNames(CSVRecord first, ReadContext ctx) {
    List<String> names = new ArrayList<>();
    boolean header = isHeader(first);
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

  /** A first record is a header when all its fields are non-blank text. */
  public static boolean isHeader(CSVRecord first) {
    for (String f : first) {
      if (ValueTypes.isMissing(f) || ValueTypes.infer(f) != ColumnType.STRING) {
        return false;
      }
    }
    return true;
  }

  /** The candidate that splits every sampled record into the same number (> 1) of fields. */
  public static char detectDelimiter(Path file) throws IOException {
    byte[] sample;
    try (InputStream in = Files.newInputStream(file)) {
      sample = in.readNBytes(SAMPLE_BYTES);
    }
    return detectDelimiter(new String(sample, StandardCharsets.UTF_8));
  }

  /** The delimiter of a sample of the text (its last, possibly cut, line is ignored). */
  public static char detectDelimiter(String sample) {
    String text = sample;
    int nl = text.lastIndexOf('\n');
    if (nl > 0 && nl < text.length() - 1) {
      text = text.substring(0, nl + 1);
    }
    char best = ',';
    int bestFields = 1;
    for (char c : CANDIDATES) {
      int fields = consistentFields(text, c);
      if (fields > bestFields) {
        best = c;
        bestFields = fields;
      }
    }
    return best;
  }

  private static int consistentFields(String sample, char delimiter) {
    CSVFormat f =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    int fields = -1;
    int n = 0;
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(sample)).setFormat(f).get()) {
      for (CSVRecord r : p) {
        if (fields < 0) {
          fields = r.size();
        } else if (r.size() != fields) {
          return 0;
        }
        if (++n >= SAMPLE_RECORDS) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return Math.max(fields, 0);
  }

  /** Skips a UTF-8 byte order mark; answers how many bytes it took (0 or 3). */
  private static int skipBom(InputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (head.length == 3
        && (head[0] & 0xff) == 0xef
        && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      return 3;
    }
    in.reset();
    return 0;
  }

  private static Reader text(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * Fails a read once a record grows past the limit, so that an unclosed quote cannot make the
   * parser buffer the rest of a huge file.
   */
  static final class BoundedReader extends FilterReader {
    final long maxChars;
    private long read;
    private long recordStart;
    boolean overflowed;
    private long bytes;
    private final LineStarts lineStarts = new LineStarts();

    BoundedReader(Reader in, long maxChars, int skippedBytes) {
      super(in);
      this.maxChars = maxChars;
      this.bytes = skippedBytes;
      lineStarts.add(0, skippedBytes);
    }

    /**
     * The byte offset in the file of the record starting at this character position (the parser
     * reports characters), or -1 when it does not start a line. Positions must be asked in order:
     * earlier line starts are forgotten. The text is valid UTF-8, so each character's encoded
     * length is its length in the file.
     */
    long byteOffsetOf(long charPosition) {
      return lineStarts.byteOffsetOf(charPosition);
    }

    private void count(char[] cbuf, int off, int n) {
      for (int i = off; i < off + n; i++) {
        char c = cbuf[i];
        // a surrogate pair is one 4-byte character: 2 bytes per half
        bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (c == '\n' || c == '\r') {
          lineStarts.add(read - n + (i - off) + 1, bytes);
        }
      }
    }

    void recordEndedAt(long charPosition) {
      recordStart = charPosition;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      if (n > 0) {
        read += n;
        count(cbuf, off, n);
        // the parser reads ahead in buffers: allow a buffer beyond the limit before failing
        if (read - recordStart > maxChars + (1 << 16)) {
          overflowed = true;
          throw new IOException("record too long");
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        read++;
        count(new char[] {(char) c}, 0, 1);
      }
      if (c >= 0 && read - recordStart > maxChars + (1 << 16)) {
        overflowed = true;
        throw new IOException("record too long");
      }
      return c;
    }
  }

  /**
   * Where lines start, as (character position, byte offset) pairs in reading order: the parser
   * reads ahead, so the starts decoded beyond the current record wait here until asked for.
   */
  static final class LineStarts {
    private long[] chars = new long[64];
    private long[] bytes = new long[64];
    private int head;
    private int size;

    void add(long charPosition, long byteOffset) {
      if (size == chars.length) {
        long[] c = new long[size * 2];
        long[] b = new long[size * 2];
        for (int i = 0; i < size; i++) {
          c[i] = chars[(head + i) % chars.length];
          b[i] = bytes[(head + i) % chars.length];
        }
        chars = c;
        bytes = b;
        head = 0;
      }
      int at = (head + size) % chars.length;
      chars[at] = charPosition;
      bytes[at] = byteOffset;
      size++;
    }

    long byteOffsetOf(long charPosition) {
      while (size > 0 && chars[head] < charPosition) {
        head = (head + 1) % chars.length;
        size--;
      }
      return size > 0 && chars[head] == charPosition ? bytes[head] : -1;
    }
  }
}
