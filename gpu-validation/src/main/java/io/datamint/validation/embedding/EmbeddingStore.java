package io.datamint.validation.embedding;

import java.util.Collection;
import java.util.Map;

/** Persistent embeddings by content hash, shared across runs (and, for a database, workers). */
public interface EmbeddingStore extends AutoCloseable {

  /** The vectors found for the given hashes; missing hashes are simply absent. */
  Map<String, float[]> load(Collection<String> hashes);

  /** Stores the vectors; storing a hash that is already there is harmless. */
  void save(Map<String, float[]> vectors);

  @Override
  default void close() {}
}
