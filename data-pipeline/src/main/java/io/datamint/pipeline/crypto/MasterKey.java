package io.datamint.pipeline.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A 256-bit master key and its id. Comes from configuration (a secret, never the database); the id
 * is stored beside everything it wraps so that master keys can be rotated.
 */
public final class MasterKey {

  private final String id;
  private final byte[] key;

  public MasterKey(String id, byte[] key) {
    this.id = Objects.requireNonNull(id, "master key id must not be null");
    Objects.requireNonNull(key, "master key must not be null");
    if (id.isBlank() || id.length() > 100 || id.contains(":")) {
      throw new IllegalArgumentException("master key id must have 1 to 100 characters, no ':'");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("a master key has 32 bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** Reads a key given as base64 (e.g. from {@code DATAMINT_MASTER_KEY}); 32 bytes decoded. */
  public static MasterKey fromBase64(String id, String base64) {
    Objects.requireNonNull(base64, "master key must not be null");
    try {
      return new MasterKey(id, Base64.getDecoder().decode(base64.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("master key '" + id + "' is not 32 bytes of base64", e);
    }
  }

  public String id() {
    return id;
  }

  byte[] derive(String purpose) {
    return Hkdf.derive(key, purpose);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MasterKey m && id.equals(m.id) && Arrays.equals(key, m.key);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + ", redacted]";
  }
}
