package io.datamint.pipeline.read;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads one entry of a ZIP archive from a stream that starts at the entry's local header, so that a
 * single item of a stored archive is fetched with a ranged read instead of the whole archive.
 *
 * <p>The entry was checked when the archive was inspected; here the name in the local header must
 * be the expected one (a wrong offset is caught before anything is expanded) and exactly the item's
 * uncompressed size is read, so a hostile entry cannot expand beyond it. Sizes in the local header
 * are not used: with a data descriptor they are zero.
 */
public final class ZipLocalEntry {

  private static final int SIGNATURE = 0x04034b50;
  private static final int FIXED_HEADER = 30;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;

  private ZipLocalEntry() {}

  /**
   * How many bytes from the local header cover the entry for sure: the header with the longest name
   * and extra field, and the data at deflate's worst case (stored blocks of at most 64 KiB with 5
   * bytes each).
   */
  public static long maxRecordLength(long uncompressedSize) {
    return FIXED_HEADER + 2L * 0xFFFF + uncompressedSize + 5 * (uncompressedSize / 0xFFFF + 1) + 1;
  }

  /**
   * The entry's uncompressed bytes.
   *
   * @param in positioned at the local header
   * @param name the entry name the header must carry
   * @param size the entry's uncompressed size, as inspected
   * @throws IOException when no local header of that name is there, the compression method is not
   *     stored or deflate, or the data ends early
   */
  public static byte[] read(InputStream in, String name, long size) throws IOException {
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      throw new IOException("entry size " + size + " cannot be read into memory");
    }
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[FIXED_HEADER];
    try {
      data.readFully(header);
    } catch (EOFException e) {
      throw new IOException("no local header of " + name + " at this offset: the data ends", e);
    }
    if (le32(header, 0) != SIGNATURE) {
      throw new IOException("no local header of " + name + " at this offset");
    }
    int method = le16(header, 8);
    int nameLength = le16(header, 26);
    int extraLength = le16(header, 28);
    byte[] found = new byte[nameLength];
    data.readFully(found);
    if (!new String(found, StandardCharsets.UTF_8).equals(name)) {
      throw new IOException(
          "the local header at this offset is of "
              + new String(found, StandardCharsets.UTF_8)
              + ", not of "
              + name);
    }
    data.skipNBytes(extraLength);
    InputStream content =
        switch (method) {
          case STORED -> data;
          // raw deflate, as in ZIP: no zlib header
          case DEFLATED -> new InflaterInputStream(data, new Inflater(true), 8192);
          default ->
              throw new IOException(
                  "entry " + name + " uses compression method " + method + ", not supported");
        };
    byte[] bytes = content.readNBytes((int) size);
    if (bytes.length != size) {
      throw new IOException(
          "entry " + name + " ends after " + bytes.length + " of " + size + " bytes");
    }
    return bytes;
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int le32(byte[] b, int at) {
    return le16(b, at) | le16(b, at + 2) << 16;
  }
}
