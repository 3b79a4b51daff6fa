package io.datamint.pipeline.read;

import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.RejectionCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG fully with ImageIO (a warning such as a premature end of JPEG data counts as
 * a failure, since ImageIO would otherwise return a half-grey picture), after checking the pixel
 * count from the header so that a small file cannot expand into gigabytes of pixels.
 *
 * <p>WebP: neither the JDK nor the libraries here (Tika, jai-imageio-core) decode WebP pixels, so a
 * WebP is checked structurally instead ({@link WebpHeader}): RIFF container complete, a VP8, VP8L
 * or VP8X chunk with plausible dimensions. When an ImageIO WebP plugin is on the class path it is
 * used for full decoding.
 */
public final class ImageDecoder {

  /** A decoded image; {@code pixels} is null when only the header could be checked (WebP). */
  public record Decoded(int width, int height, BufferedImage pixels) {}

  private ImageDecoder() {}

  public static Decoded decode(byte[] bytes, ContentFormat format, String where, long maxPixels)
      throws BadInputException {
    if (format == ContentFormat.WEBP && !ImageIO.getImageReadersByFormatName("webp").hasNext()) {
      WebpHeader h = WebpHeader.parse(bytes, where);
      checkPixels(h.width(), h.height(), where, maxPixels);
      return new Decoded(h.width(), h.height(), null);
    }
    String name =
        switch (format) {
          case PNG -> "png";
          case JPEG -> "jpeg";
          case WEBP -> "webp";
          default -> throw new IllegalArgumentException("not an image format: " + format);
        };
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + name);
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener(
          new IIOReadWarningListener() {
            @Override
            public void warningOccurred(ImageReader source, String warning) {
              warnings.add(warning);
            }
          });
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      checkPixels(w, h, where, maxPixels);
      BufferedImage img = reader.read(0);
      if (!warnings.isEmpty()) {
        throw undecodable(where, warnings.get(0));
      }
      return new Decoded(w, h, img);
    } catch (IOException | RuntimeException e) {
      throw undecodable(where, e.getMessage());
    } finally {
      reader.dispose();
    }
  }

  private static void checkPixels(int w, int h, String where, long maxPixels)
      throws BadInputException {
    if (w <= 0 || h <= 0) {
      throw undecodable(where, "the image has no pixels");
    }
    if ((long) w * h > maxPixels) {
      throw BadInputException.at(
          RejectionCode.UNDECODABLE_IMAGE,
          where,
          "the image is " + w + " x " + h + " pixels; the limit is " + maxPixels + " pixels");
    }
  }

  static BadInputException undecodable(String where, String detail) {
    String d = detail == null ? "" : detail.replaceAll("\\p{Cntrl}", " ").strip();
    if (d.length() > 120) {
      d = d.substring(0, 120) + "…";
    }
    return BadInputException.at(
        RejectionCode.UNDECODABLE_IMAGE,
        where,
        "the image cannot be decoded" + (d.isEmpty() ? "" : " (" + d + ")"));
  }
}
