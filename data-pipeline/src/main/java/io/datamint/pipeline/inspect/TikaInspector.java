package io.datamint.pipeline.inspect;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.DatasetInspector;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.pipeline.read.BadInputException;
import io.datamint.pipeline.read.CsvReader;
import io.datamint.pipeline.read.ImageRecords;
import io.datamint.pipeline.read.JsonArrayReader;
import io.datamint.pipeline.read.JsonLinesReader;
import io.datamint.pipeline.read.ReadContext;
import io.datamint.pipeline.read.ZipReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

/**
 * The domain's {@link DatasetInspector}: Apache Tika detects what the bytes are (from their content
 * only, never the name), the name's extension says what the contributor claims, and the two must
 * agree; then the format's reader streams every record through the profiler.
 *
 * <p>Thread-safe: each call builds its own profilers; the Tika detector is shared (it is
 * stateless). Build one per application, since loading Tika's configuration takes a moment.
 */
public final class TikaInspector implements DatasetInspector {

  static {
    // PDFBox (inside Tika's parsers) writes a font cache under the home directory unless told
    // otherwise; the application server's home may be read-only
    if (System.getProperty("pdfbox.fontcache") == null) {
      System.setProperty(
          "pdfbox.fontcache",
          Path.of(System.getProperty("java.io.tmpdir"), "datamint-pdfbox").toString());
    }
  }

  private static final Map<String, ContentFormat> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("csv", ContentFormat.CSV),
          Map.entry("tsv", ContentFormat.TSV),
          Map.entry("tab", ContentFormat.TSV),
          Map.entry("jsonl", ContentFormat.JSONL),
          Map.entry("ndjson", ContentFormat.JSONL),
          Map.entry("json", ContentFormat.JSON),
          Map.entry("png", ContentFormat.PNG),
          Map.entry("jpg", ContentFormat.JPEG),
          Map.entry("jpeg", ContentFormat.JPEG),
          Map.entry("webp", ContentFormat.WEBP),
          Map.entry("zip", ContentFormat.ZIP_OF_IMAGES));

  private static final Set<String> ZIP_TYPES =
      Set.of("application/zip", "application/x-zip-compressed");

  private final InspectionLimits limits;
  private final Detector detector;
  private final MediaTypeRegistry registry;
  private final Parser parser;
  private final ObjectMapper json;

  public TikaInspector(InspectionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits must not be null");
    TikaConfig tika = TikaConfig.getDefaultConfig();
    this.detector = tika.getDetector();
    this.registry = tika.getMediaTypeRegistry();
    this.parser = new AutoDetectParser(tika);
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(limits.maxRecordBytes())
                .maxNestingDepth(200)
                .build());
    this.json = mapper;
  }

  @Override
  public Inspection inspect(Path file, String fileName, ItemSink items) throws IOException {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(fileName, "file name must not be null");
    Objects.requireNonNull(items, "item sink must not be null");
    try {
      return inspectOrReject(file, fileName, items);
    } catch (BadInputException e) {
      return new Inspection.Rejected(e.reason());
    }
  }

  private Inspection inspectOrReject(Path file, String fileName, ItemSink items)
      throws IOException, BadInputException {
    long size = Files.size(file);
    if (size == 0) {
      throw BadInputException.of(RejectionCode.EMPTY_FILE, "the file is empty");
    }
    if (size > limits.maxFileBytes()) {
      throw BadInputException.of(
          RejectionCode.TOO_LARGE,
          "the file has " + size + " bytes; the limit is " + limits.maxFileBytes() + " bytes");
    }
    ContentFormat claimed = claimedFormat(fileName);
    MediaType detected = detect(file);
    checkAgreement(claimed, detected, fileName);
    boolean text = claimed.modality() == ContentFormat.Modality.TABULAR;
    ContentHash hash = FileScan.scan(file, text);

    ReadContext ctx = new ReadContext(limits, json, items, parser);
    ContentFormat format = claimed;
    switch (claimed) {
      case CSV -> CsvReader.read(file, (char) 0, ctx);
      case TSV -> CsvReader.read(file, '\t', ctx);
      case JSONL -> JsonLinesReader.read(file, ctx);
      case JSON -> JsonArrayReader.read(file, ctx);
      case PNG, JPEG, WEBP -> ImageRecords.readFile(file, baseName(fileName), claimed, ctx);
      case ZIP_OF_IMAGES, ZIP_OF_TEXT -> format = ZipReader.read(file, ctx);
    }
    if (ctx.items() == 0) {
      throw BadInputException.of(RejectionCode.EMPTY_FILE, "the file holds no records");
    }
    Manifest manifest =
        new Manifest(
            format,
            baseName(fileName),
            size,
            hash,
            text ? "UTF-8" : null,
            ctx.items(),
            ctx.table.columns(),
            ctx.table.labelColumn().orElse(null),
            ctx.table.labelDistribution(),
            ctx.images.statistics().orElse(null),
            ctx.pii.flags());
    return new Inspection.Accepted(manifest, ctx.preview.build());
  }

  private static ContentFormat claimedFormat(String fileName) throws BadInputException {
    String base = baseName(fileName);
    int dot = base.lastIndexOf('.');
    String ext = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    ContentFormat f = BY_EXTENSION.get(ext);
    if (f == null) {
      throw BadInputException.of(
          RejectionCode.UNSUPPORTED_FORMAT,
          (ext.isEmpty() ? "files without an extension" : "'." + ext + "' files")
              + " are not supported; upload CSV, TSV, JSON Lines (.jsonl), JSON, PNG, JPEG, WebP"
              + " or a ZIP of images or text files");
    }
    return f;
  }

  /** What Tika says the bytes are, by magic numbers and container inspection only. */
  MediaType detect(Path file) throws IOException {
    try (InputStream in = TikaInputStream.get(file)) {
      return detector.detect(in, new Metadata());
    }
  }

  private void checkAgreement(ContentFormat claimed, MediaType detected, String fileName)
      throws BadInputException {
    MediaType base = detected.getBaseType();
    boolean ok =
        switch (claimed) {
          case CSV, TSV, JSONL, JSON -> isTextual(base);
          case PNG -> base.toString().equals("image/png");
          case JPEG -> base.toString().equals("image/jpeg");
          case WEBP -> base.toString().equals("image/webp");
          case ZIP_OF_IMAGES, ZIP_OF_TEXT -> ZIP_TYPES.contains(base.toString());
        };
    if (!ok) {
      throw BadInputException.of(
          RejectionCode.CONTENT_CONTRADICTS_EXTENSION,
          "the file is named '"
              + baseName(fileName)
              + "' but its content is "
              + base
              + ", not "
              + claimed.mediaType());
    }
  }

  /**
   * Text, or bytes Tika cannot name (which the UTF-8 check then judges with a precise line):
   * anything Tika recognises as a binary format contradicts a text extension.
   */
  private boolean isTextual(MediaType type) {
    return type.getType().equals("text")
        || type.equals(MediaType.OCTET_STREAM)
        || type.toString().equals("application/json")
        || registry.isSpecializationOf(type, MediaType.TEXT_PLAIN);
  }

  private static String baseName(String fileName) {
    String n = fileName.replace('\\', '/');
    return n.substring(n.lastIndexOf('/') + 1).strip();
  }
}
