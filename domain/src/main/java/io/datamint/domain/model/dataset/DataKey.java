package io.datamint.domain.model.dataset;

import io.datamint.domain.model.shared.KeyWrapper;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The 256-bit key that encrypts one version's content. Held in memory only while content is
 * encrypted or decrypted; stored only wrapped ({@link KeyWrapper}). Destroy it when done.
 */
public final class DataKey implements Destroyable {

  public static final int LENGTH = 32;

  private final byte[] key;
  private boolean destroyed;

  public DataKey(byte[] key) {
    Objects.requireNonNull(key, "key must not be null");
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a data key has 32 bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  public byte[] bytes() {
    if (destroyed) {
      throw new IllegalStateException("data key was destroyed");
    }
    return key.clone();
  }

  @Override
  public void destroy() {
    Arrays.fill(key, (byte) 0);
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "DataKey[redacted]";
  }
}
