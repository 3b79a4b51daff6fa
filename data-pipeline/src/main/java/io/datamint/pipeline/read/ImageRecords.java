package io.datamint.pipeline.read;

import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.PersonalDataKind;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.pipeline.pii.Masking;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Images as records: columns {@code file}, {@code label} (when images sit in one folder per class,
 * the folder name), {@code width} and {@code height}.
 */
public final class ImageRecords {

  private ImageRecords() {}

  /** A single image file. */
  public static void readFile(Path file, String fileName, ContentFormat format, ReadContext ctx)
      throws IOException, BadInputException {
    long size = Files.size(file);
    if (size > ctx.limits.maxImageBytes()) {
      throw BadInputException.at(
          RejectionCode.TOO_LARGE,
          fileName,
          "an image may have at most " + (ctx.limits.maxImageBytes() >> 20) + " MiB");
    }
    accept(Files.readAllBytes(file), format, fileName, fileName, null, -1, ctx);
  }

  /**
   * @param offset where the image's local header lies in its archive, -1 for a file of its own
   */
  static void accept(
      byte[] bytes,
      ContentFormat format,
      String name,
      String where,
      String label,
      long offset,
      ReadContext ctx)
      throws BadInputException {
    ImageDecoder.Decoded d = ImageDecoder.decode(bytes, format, where, ctx.limits.maxImagePixels());
    ItemId id = ctx.emit(bytes, where, offset);
    ctx.table.text(ctx.table.column("file"), name);
    if (label != null) {
      ctx.table.typed(ctx.table.column("label"), label, ColumnType.STRING);
    }
    ctx.table.typed(ctx.table.column("width"), Integer.toString(d.width()), ColumnType.INTEGER);
    ctx.table.typed(ctx.table.column("height"), Integer.toString(d.height()), ColumnType.INTEGER);
    ctx.table.endRow();
    ctx.images.add(d.width(), d.height());
    scanMetadata(bytes, format, ctx);
    ctx.preview.image(id.value(), name, d.width(), d.height(), d.pixels());
  }

  /**
   * Flags a GPS position in EXIF metadata, read with Tika (metadata-extractor underneath). Only
   * images that carry an EXIF block are parsed, so plain images cost nothing here. A metadata block
   * Tika cannot read is not a reason to reject: the pixels decoded.
   */
  static void scanMetadata(byte[] bytes, ContentFormat format, ReadContext ctx) {
    if (ctx.metadata == null || format == ContentFormat.PNG || !hasExif(bytes)) {
      return;
    }
    Metadata m = new Metadata();
    m.set(Metadata.CONTENT_TYPE, format.mediaType());
    try (InputStream in = TikaInputStream.get(bytes)) {
      ctx.metadata.parse(in, new DefaultHandler(), m, new ParseContext());
    } catch (IOException | SAXException | TikaException | RuntimeException e) {
      return;
    }
    String lat = m.get(TikaCoreProperties.LATITUDE);
    String lon = m.get(TikaCoreProperties.LONGITUDE);
    if (lat != null && lon != null) {
      try {
        ctx.pii.record(
            PersonalDataKind.GEOLOCATION,
            Masking.position(Double.parseDouble(lat), Double.parseDouble(lon)));
      } catch (NumberFormatException e) {
        ctx.pii.record(PersonalDataKind.GEOLOCATION, "GPS position");
      }
    }
  }

  /** An EXIF APP1 block ("Exif\0\0") or a WebP EXIF chunk in the first 64 KiB. */
  static boolean hasExif(byte[] b) {
    int n = Math.min(b.length - 4, 1 << 16);
    for (int i = 0; i < n; i++) {
      if ((b[i] == 'E' && b[i + 1] == 'x' && b[i + 2] == 'i' && b[i + 3] == 'f')
          || (b[i] == 'E' && b[i + 1] == 'X' && b[i + 2] == 'I' && b[i + 3] == 'F')) {
        return true;
      }
    }
    return false;
  }

  /** The image format a file name names by its extension, or null when none. */
  public static ContentFormat formatOf(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".png")) {
      return ContentFormat.PNG;
    }
    if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
      return ContentFormat.JPEG;
    }
    if (n.endsWith(".webp")) {
      return ContentFormat.WEBP;
    }
    return null;
  }
}
