package io.datamint.domain.model.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted under the platform's master key (a wallet key, a dataset's data key). Only a
 * {@link SecretSealer} holding that key can open it.
 */
public record SealedSecret(byte[] bytes) {

  public SealedSecret {
    Objects.requireNonNull(bytes, "sealed bytes must not be null");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("sealed bytes must not be empty");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedSecret that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SealedSecret[" + bytes.length + " bytes]";
  }
}
