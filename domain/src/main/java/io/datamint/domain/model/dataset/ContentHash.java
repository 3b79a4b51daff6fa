package io.datamint.domain.model.dataset;

import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of some bytes, in lower-case hex. Identifies plaintext content independently of how it is
 * encrypted or stored.
 */
public record ContentHash(String sha256Hex) {

  public ContentHash {
    Objects.requireNonNull(sha256Hex, "content hash must not be null");
    sha256Hex = sha256Hex.trim().toLowerCase(java.util.Locale.ROOT);
    if (!isHex64(sha256Hex)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest (64 hex digits)");
    }
  }

  // checked by hand: the inspector makes one hash per item, millions per file
  private static boolean isHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  public static ContentHash ofDigest(byte[] sha256Digest) {
    Objects.requireNonNull(sha256Digest, "digest must not be null");
    if (sha256Digest.length != 32) {
      throw new IllegalArgumentException(
          "a SHA-256 digest has 32 bytes, not " + sha256Digest.length);
    }
    return new ContentHash(HexFormat.of().formatHex(sha256Digest));
  }

  public byte[] digest() {
    return HexFormat.of().parseHex(sha256Hex);
  }

  @Override
  public String toString() {
    return "sha256:" + sha256Hex;
  }
}
