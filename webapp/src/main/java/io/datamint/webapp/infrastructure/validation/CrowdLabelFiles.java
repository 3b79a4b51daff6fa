package io.datamint.webapp.infrastructure.validation;

import io.datamint.domain.model.validation.CrowdLabels;
import io.datamint.validation.cli.AnnotationCsv;
import io.datamint.validation.cli.CsvInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads uploaded crowd labels with the command line's own reader ({@link AnnotationCsv}), so that a
 * file {@code ./datamint score} accepts is accepted here and a bad one is refused with the same
 * line number and reason. Each file is spooled to a temporary file first (never held whole in
 * memory while it arrives, and cut off at the size limit), then read and deleted.
 */
@ApplicationScoped
public class CrowdLabelFiles {

  /** The column read as item text when the caller names none and the header has it. */
  public static final String DEFAULT_TEXT_COLUMN = "text";

  @Inject ValidationUploadSettings settings;

  /** A problem in one of the files, with the file's role (annotations, gold) and the line. */
  public static final class BadFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;

    BadFileException(String file, CsvInputException e) {
      super(file + " file, line " + e.line() + ": " + e.problem());
      this.line = e.line();
    }

    public long line() {
      return line;
    }
  }

  /** A file over {@code datamint.validation.max-upload-bytes}. */
  public static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String file, long limit) {
      super("the " + file + " file is larger than the limit of " + limit + " bytes");
    }
  }

  /** The uploaded files and options. */
  public record Upload(
      InputStream annotations,
      InputStream gold,
      String textColumn,
      String pairColumn,
      double threshold) {}

  protected CrowdLabelFiles() {
    // for CDI
  }

  public CrowdLabelFiles(ValidationUploadSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads the upload. Without a named text column, a column called {@code text} is the item text
   * when the header has one; otherwise the labels are scored from agreement alone.
   *
   * @throws IllegalArgumentException for options the reader cannot use (a pair column without a
   *     text column)
   */
  public CrowdLabels read(Upload upload) throws BadFileException, TooLargeException, IOException {
    Path annotations = spool(upload.annotations(), "annotations");
    Path gold = upload.gold() == null ? null : spool(upload.gold(), "gold");
    try {
      String textColumn = blankToNull(upload.textColumn());
      String pairColumn = blankToNull(upload.pairColumn());
      if (textColumn == null && header(annotations).contains(DEFAULT_TEXT_COLUMN)) {
        textColumn = DEFAULT_TEXT_COLUMN;
      }
      if (pairColumn != null && textColumn == null) {
        throw new IllegalArgumentException(
            "pairColumn needs textColumn (or a column named " + DEFAULT_TEXT_COLUMN + ")");
      }
      AnnotationCsv.Annotations read;
      try {
        read = AnnotationCsv.readAnnotations(annotations, textColumn, pairColumn);
      } catch (CsvInputException e) {
        throw new BadFileException("annotations", e);
      }
      Map<String, String> goldAnswers = Map.of();
      if (gold != null) {
        try {
          goldAnswers = AnnotationCsv.readGold(gold);
        } catch (CsvInputException e) {
          throw new BadFileException("gold", e);
        }
      }
      return new CrowdLabels(read.annotations(), read.items(), goldAnswers, upload.threshold());
    } finally {
      Files.deleteIfExists(annotations);
      if (gold != null) {
        Files.deleteIfExists(gold);
      }
    }
  }

  private Path spool(InputStream in, String file) throws IOException, TooLargeException {
    long limit = settings.maxBytes();
    Path spooled = Files.createTempFile("datamint-crowd-", ".csv");
    boolean kept = false;
    try (InputStream source = in;
        OutputStream out = Files.newOutputStream(spooled)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = source.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new TooLargeException(file, limit);
        }
        out.write(buffer, 0, n);
      }
      kept = true;
      return spooled;
    } finally {
      if (!kept) {
        Files.deleteIfExists(spooled);
      }
    }
  }

  /** The header's column names; empty when there is none (the reader then says why). */
  private static List<String> header(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVParser.parse(
                reader,
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .get())) {
      return parser.getHeaderNames();
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
