package io.datamint.domain.model.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bytes to store, re-readable from the start so that a failed upload can be retried. {@code length}
 * is the exact size when known (for progress and Content-Length), or -1.
 */
public interface ContentSource {

  InputStream open() throws IOException;

  long length();

  static ContentSource ofFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file must not be null");
    long size = Files.size(file);
    return of(() -> Files.newInputStream(file), size);
  }

  static ContentSource ofBytes(byte[] bytes) {
    byte[] copy = Objects.requireNonNull(bytes, "bytes must not be null").clone();
    return of(() -> new ByteArrayInputStream(copy), copy.length);
  }

  static ContentSource of(Opener opener, long length) {
    Objects.requireNonNull(opener, "opener must not be null");
    return new ContentSource() {
      @Override
      public InputStream open() throws IOException {
        return opener.open();
      }

      @Override
      public long length() {
        return length;
      }
    };
  }

  /** Opens a fresh stream over the same bytes each time it is called. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }
}
