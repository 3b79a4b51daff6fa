package io.datamint.domain.model.dataset;

import java.io.IOException;
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

  /**
   * {@code length} bytes of the plaintext from {@code offset} on, for reading one item of a large
   * version. A cipher that can find the chunks holding the range reads (and authenticates) only
   * those; this default decrypts from the start and discards what lies before the offset. Reading
   * past {@code length} may fail.
   *
   * @throws IOException when the ciphertext cannot be opened, or is shorter than the offset
   */
  default InputStream decryptingRange(
      CiphertextSource ciphertext, DataKey key, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    InputStream plaintext = decrypting(ciphertext.openAt(0, Long.MAX_VALUE), key);
    try {
      plaintext.skipNBytes(offset);
      return plaintext;
    } catch (IOException | RuntimeException e) {
      plaintext.close();
      throw e;
    }
  }

  /** The exact ciphertext size for a plaintext size, for progress bars and content lengths. */
  long ciphertextSize(long plaintextSize);
}
