package io.datamint.domain.model.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stored ciphertext that can be read from any byte offset (IPFS serves ranges), so that one item of
 * a large version is decrypted without reading everything before it.
 */
@FunctionalInterface
public interface CiphertextSource {

  /**
   * At most {@code length} bytes of the ciphertext from {@code offset} on ({@link Long#MAX_VALUE}:
   * to its end); the caller closes the stream.
   */
  InputStream openAt(long offset, long length) throws IOException;
}
