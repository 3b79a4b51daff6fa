package io.datamint.ipfs.unixfs;

import java.io.ByteArrayOutputStream;

/** The few protobuf encodings dag-pb and UnixFS need. */
final class Protobuf {

  private Protobuf() {}

  static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void varintField(ByteArrayOutputStream out, int field, long v) {
    varint(out, (long) field << 3);
    varint(out, v);
  }

  static void bytesField(ByteArrayOutputStream out, int field, byte[] b) {
    varint(out, ((long) field << 3) | 2);
    varint(out, b.length);
    out.writeBytes(b);
  }
}
