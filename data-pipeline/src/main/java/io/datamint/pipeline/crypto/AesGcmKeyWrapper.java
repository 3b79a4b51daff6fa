package io.datamint.pipeline.crypto;

import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.domain.model.shared.WrappedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps keys with AES-256-GCM under a key derived from the master key. Output: {@code 0x01 ||
 * nonce(12) || ciphertext || tag(16)}, with {@code "datamint-wrap-v1|<masterKeyId>|<context>"} as
 * associated data, so the context and the master key id are authenticated with the key.
 *
 * <p>Holds several master keys for rotation: new keys are wrapped under the current one, old ones
 * still unwrap, and {@link #rewrap} moves a key to the current master key.
 */
public final class AesGcmKeyWrapper implements KeyWrapper {

  private static final byte FORMAT = 1;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, byte[]> wrappingKeys = new LinkedHashMap<>();

  /**
   * @param current the master key new wraps use
   * @param retired older master keys that may still have wrapped stored keys
   */
  public AesGcmKeyWrapper(MasterKey current, List<MasterKey> retired) {
    Objects.requireNonNull(current, "current master key must not be null");
    this.currentId = current.id();
    wrappingKeys.put(current.id(), current.derive("datamint key wrapping v1"));
    for (MasterKey k : Objects.requireNonNull(retired, "retired keys")) {
      wrappingKeys.putIfAbsent(k.id(), k.derive("datamint key wrapping v1"));
    }
  }

  public AesGcmKeyWrapper(MasterKey current) {
    this(current, List.of());
  }

  @Override
  public WrappedKey wrap(byte[] key, String context) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(context, "context must not be null");
    if (key.length == 0) {
      throw new IllegalArgumentException("nothing to wrap");
    }
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = cipher(Cipher.ENCRYPT_MODE, currentId, nonce, context);
      byte[] sealed = gcm.doFinal(key);
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE + sealed.length);
      out.put(FORMAT).put(nonce).put(sealed);
      return new WrappedKey(currentId, out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JDK", e);
    }
  }

  @Override
  public byte[] unwrap(WrappedKey wrapped, String context) throws GeneralSecurityException {
    Objects.requireNonNull(wrapped, "wrapped key must not be null");
    Objects.requireNonNull(context, "context must not be null");
    byte[] bytes = wrapped.ciphertext();
    if (bytes.length < 1 + NONCE + 16 || bytes[0] != FORMAT) {
      throw new GeneralSecurityException("not a wrapped key of format 1");
    }
    if (!wrappingKeys.containsKey(wrapped.masterKeyId())) {
      throw new GeneralSecurityException(
          "wrapped under master key '" + wrapped.masterKeyId() + "', which is not configured");
    }
    byte[] nonce = Arrays.copyOfRange(bytes, 1, 1 + NONCE);
    Cipher gcm = cipher(Cipher.DECRYPT_MODE, wrapped.masterKeyId(), nonce, context);
    return gcm.doFinal(bytes, 1 + NONCE, bytes.length - 1 - NONCE);
  }

  /** The same key wrapped under the current master key (for master-key rotation). */
  public WrappedKey rewrap(WrappedKey wrapped, String context) throws GeneralSecurityException {
    byte[] key = unwrap(wrapped, context);
    try {
      return wrap(key, context);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public String currentMasterKeyId() {
    return currentId;
  }

  private Cipher cipher(int mode, String masterKeyId, byte[] nonce, String context)
      throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        mode,
        new SecretKeySpec(wrappingKeys.get(masterKeyId), "AES"),
        new GCMParameterSpec(TAG_BITS, nonce));
    gcm.updateAAD(
        ("datamint-wrap-v1|" + masterKeyId + "|" + context).getBytes(StandardCharsets.UTF_8));
    return gcm;
  }
}
