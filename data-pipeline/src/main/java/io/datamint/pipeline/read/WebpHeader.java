package io.datamint.pipeline.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The structure of a WebP file (RIFF container, Google's WebP container specification): checks that
 * the container is complete and reads the canvas size from the VP8, VP8L or VP8X chunk.
 */
public record WebpHeader(int width, int height, String encoding) {

  public static WebpHeader parse(byte[] b, String where) throws BadInputException {
    if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
      throw ImageDecoder.undecodable(where, "not a WebP RIFF container");
    }
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long riffSize = Integer.toUnsignedLong(le.getInt(4));
    if (riffSize + 8 > b.length) {
      throw ImageDecoder.undecodable(
          where, "the file is truncated: the container declares " + (riffSize + 8) + " bytes");
    }
    String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
    long chunkSize = Integer.toUnsignedLong(le.getInt(16));
    if (20 + chunkSize > riffSize + 8) {
      throw ImageDecoder.undecodable(where, "the " + chunk.strip() + " chunk is truncated");
    }
    int p = 20;
    switch (chunk) {
      case "VP8 " -> {
        // frame tag (3 bytes), then the key frame start code 9d 01 2a, then 14-bit sizes
        if ((b[p + 3] & 0xff) != 0x9d || (b[p + 4] & 0xff) != 0x01 || (b[p + 5] & 0xff) != 0x2a) {
          throw ImageDecoder.undecodable(where, "bad VP8 key frame start code");
        }
        int w = le.getShort(p + 6) & 0x3fff;
        int h = le.getShort(p + 8) & 0x3fff;
        return new WebpHeader(w, h, "VP8");
      }
      case "VP8L" -> {
        if ((b[p] & 0xff) != 0x2f) {
          throw ImageDecoder.undecodable(where, "bad VP8L signature");
        }
        int bits = le.getInt(p + 1);
        int w = (bits & 0x3fff) + 1;
        int h = ((bits >>> 14) & 0x3fff) + 1;
        return new WebpHeader(w, h, "VP8L");
      }
      case "VP8X" -> {
        int w = ((b[p + 4] & 0xff) | (b[p + 5] & 0xff) << 8 | (b[p + 6] & 0xff) << 16) + 1;
        int h = ((b[p + 7] & 0xff) | (b[p + 8] & 0xff) << 8 | (b[p + 9] & 0xff) << 16) + 1;
        return new WebpHeader(w, h, "VP8X");
      }
      default ->
          throw ImageDecoder.undecodable(where, "unknown WebP chunk '" + chunk.strip() + "'");
    }
  }

  private static boolean ascii(byte[] b, int off, String s) {
    return new String(b, off, 4, StandardCharsets.US_ASCII).equals(s);
  }
}
