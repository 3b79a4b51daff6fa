package io.datamint.validation.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Embeddings in one append-only binary file (for the command line): records of (hash, length,
 * floats). Read whole at start-up; a record cut short by a crash is ignored, so a half-written tail
 * only costs its recomputation.
 */
public final class FileEmbeddingStore implements EmbeddingStore {

  private final Path file;
  private final Map<String, float[]> vectors = new HashMap<>();

  public FileEmbeddingStore(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      readAll();
    }
  }

  private void readAll() {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String hash;
        float[] v;
        try {
          hash = in.readUTF();
          int length = in.readInt();
          if (length < 0 || length > 1 << 16) {
            return; // not a record of ours: treat the rest as a torn tail
          }
          v = new float[length];
          for (int i = 0; i < length; i++) {
            v[i] = in.readFloat();
          }
        } catch (EOFException endOrTornTail) {
          return;
        }
        vectors.put(hash, v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read embedding cache " + file, e);
    }
  }

  @Override
  public synchronized Map<String, float[]> load(Collection<String> hashes) {
    Map<String, float[]> found = new HashMap<>();
    for (String h : hashes) {
      float[] v = vectors.get(h);
      if (v != null) {
        found.put(h, v);
      }
    }
    return found;
  }

  @Override
  public synchronized void save(Map<String, float[]> fresh) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  Files.newOutputStream(
                      file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
        for (Map.Entry<String, float[]> e : fresh.entrySet()) {
          if (vectors.containsKey(e.getKey())) {
            continue;
          }
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          for (float f : e.getValue()) {
            out.writeFloat(f);
          }
          vectors.put(e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write embedding cache " + file, e);
    }
  }

  public synchronized int size() {
    return vectors.size();
  }
}
