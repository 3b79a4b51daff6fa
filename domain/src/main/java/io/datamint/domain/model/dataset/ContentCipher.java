package io.datamint.domain.model.dataset;

import java.io.InputStream;

/**
 * Encrypts and decrypts a version's content as streams, so that files larger than memory pass
 * through it. Decryption fails (with an {@link java.io.IOException} from the returned stream) as
 * soon as the ciphertext was altered, truncated or reordered; a caller must discard what it read so
 * far when that happens.
 */
public interface ContentCipher {

  /** A stream of the ciphertext of {@code plaintext}; closing it closes {@code plaintext}. */
  InputStream encrypting(InputStream plaintext, DataKey key);

  /** A stream of the plaintext of {@code ciphertext}; closing it closes {@code ciphertext}. */
  InputStream decrypting(InputStream ciphertext, DataKey key);

  /** The exact ciphertext size for a plaintext size, for progress bars and content lengths. */
  long ciphertextSize(long plaintextSize);
}
