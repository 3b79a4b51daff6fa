package io.datamint.pipeline.crypto;

import java.io.IOException;

/** The ciphertext was altered, truncated, reordered, or is decrypted with the wrong key. */
public class CiphertextIntegrityException extends IOException {

  private static final long serialVersionUID = 1L;

  public CiphertextIntegrityException(String message) {
    super(message);
  }

  public CiphertextIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
