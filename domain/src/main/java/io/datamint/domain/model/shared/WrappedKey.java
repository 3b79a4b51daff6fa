package io.datamint.domain.model.shared;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret key encrypted under a master key: safe to store in the database. {@code masterKeyId}
 * names the master key that wrapped it, so that master keys can be rotated.
 */
public final class WrappedKey {

  private final String masterKeyId;
  private final byte[] ciphertext;

  public WrappedKey(String masterKeyId, byte[] ciphertext) {
    this.masterKeyId = Objects.requireNonNull(masterKeyId, "master key id must not be null");
    this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext must not be null").clone();
    if (masterKeyId.isBlank() || ciphertext.length == 0) {
      throw new IllegalArgumentException("a wrapped key needs a master key id and ciphertext");
    }
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** {@code <masterKeyId>:<base64>}, for configuration files and logs of key ids. */
  public String encoded() {
    return masterKeyId + ":" + Base64.getEncoder().encodeToString(ciphertext);
  }

  public static WrappedKey decode(String encoded) {
    int colon = Objects.requireNonNull(encoded, "encoded key").lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a wrapped key");
    }
    return new WrappedKey(
        encoded.substring(0, colon), Base64.getDecoder().decode(encoded.substring(colon + 1)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey w
        && masterKeyId.equals(w.masterKeyId)
        && Arrays.equals(ciphertext, w.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * masterKeyId.hashCode() + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "WrappedKey[" + masterKeyId + ", " + ciphertext.length + " bytes]";
  }
}
