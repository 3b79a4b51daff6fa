package io.datamint.ipfs.unixfs;

/** CIDv1 binary and string forms (multicodec, multihash sha2-256, multibase base32 lower). */
public final class Multiformats {

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Multiformats() {}

  /** {@code 0x01 | codec | 0x12 0x20 | digest}; codecs used here are below 0x80 (one byte). */
  static byte[] cidV1(int codec, byte[] sha256) {
    byte[] cid = new byte[4 + sha256.length];
    cid[0] = 1;
    cid[1] = (byte) codec;
    cid[2] = 0x12;
    cid[3] = 0x20;
    System.arraycopy(sha256, 0, cid, 4, sha256.length);
    return cid;
  }

  static String cidV1String(byte[] cid) {
    return "b" + base32(cid);
  }

  /** RFC 4648 base32, lower case, no padding. */
  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
