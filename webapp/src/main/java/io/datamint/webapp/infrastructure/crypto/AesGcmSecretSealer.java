package io.datamint.webapp.infrastructure.crypto;

import io.datamint.domain.model.shared.SealedSecret;
import io.datamint.domain.model.shared.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under the master key. Layout: one format byte, a random 96-bit
 * nonce, then ciphertext and 128-bit tag. The context is authenticated as associated data, so a
 * sealed value moved to another purpose fails to open instead of decrypting.
 */
public final class AesGcmSecretSealer implements SecretSealer {

  private static final byte FORMAT_V1 = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final SecretKeySpec masterKey;
  private final SecureRandom random = new SecureRandom();

  public AesGcmSecretSealer(byte[] masterKey) {
    Objects.requireNonNull(masterKey, "master key must not be null");
    if (masterKey.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "master key must be " + KEY_BYTES + " bytes (AES-256), was " + masterKey.length);
    }
    this.masterKey = new SecretKeySpec(masterKey, "AES");
  }

  /** A sealer for a base64 master key as configured in {@code datamint.master-key}. */
  public static AesGcmSecretSealer fromBase64(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(
          "datamint.master-key is not configured (base64 of 32 random bytes); "
              + "./datamint run generates one in var/secrets/master.key");
    }
    try {
      return new AesGcmSecretSealer(Base64.getDecoder().decode(base64.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("datamint.master-key is not valid: " + e.getMessage(), e);
    }
  }

  @Override
  public SealedSecret seal(byte[] secret, String context) {
    Objects.requireNonNull(secret, "secret must not be null");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
      byte[] ciphertext = cipher.doFinal(secret);
      return new SealedSecret(
          ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
              .put(FORMAT_V1)
              .put(nonce)
              .put(ciphertext)
              .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal secret", e);
    }
  }

  @Override
  public byte[] open(SealedSecret sealed, String context) {
    byte[] bytes = Objects.requireNonNull(sealed, "sealed secret must not be null").bytes();
    if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT_V1) {
      throw new IllegalStateException("not a sealed secret of a known format");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(bytes, 1, nonce, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
      return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // Wrong master key, wrong context or tampered bytes: GCM cannot tell which, nor should we.
      throw new IllegalStateException("sealed secret does not open with this key and context");
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Objects.requireNonNull(context, "context must not be null");
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
