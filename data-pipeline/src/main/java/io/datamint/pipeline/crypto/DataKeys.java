package io.datamint.pipeline.crypto;

import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.DataKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Where a version's data key comes from.
 *
 * <p>{@link #forContent} derives it from the plaintext's SHA-256 and a secret derived from the
 * master key (keyed convergent encryption): each distinct content gets its own key, and the same
 * bytes always encrypt to the same ciphertext, hence the same IPFS CID (re-uploads deduplicate, and
 * a retry after a crash reproduces the CID already pinned). Without the master key nobody can
 * derive the key from a guessed plaintext, so equality of contents is all an outsider learns.
 *
 * <p>{@link #random()} gives an unrelated key per call, for callers that prefer unlinkable
 * ciphertexts over deduplication.
 *
 * <p>Either way one key encrypts exactly one plaintext: {@link ChunkedAesGcmCipher} derives its
 * nonces from the key.
 */
public final class DataKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] convergenceSecret;

  public DataKeys(MasterKey masterKey) {
    Objects.requireNonNull(masterKey, "master key must not be null");
    this.convergenceSecret = masterKey.derive("datamint convergent data key v1");
  }

  public DataKey forContent(ContentHash plaintextHash) {
    Objects.requireNonNull(plaintextHash, "content hash must not be null");
    return new DataKey(Hkdf.hmac(convergenceSecret, plaintextHash.digest()));
  }

  public static DataKey random() {
    byte[] key = new byte[DataKey.LENGTH];
    RANDOM.nextBytes(key);
    return new DataKey(key);
  }
}
