package io.datamint.validation.embedding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Wraps an embedder with two cache levels keyed by content hash: a bounded in-memory LRU, then a
 * persistent {@link EmbeddingStore}. Only what neither knows is sent to the model, in one call, so
 * the model still batches the misses.
 */
public final class CachingEmbedder implements Embedder {

  private final Embedder delegate;
  private final EmbeddingStore store;
  private final Map<String, float[]> memory;
  private long hits;
  private long misses;

  public CachingEmbedder(Embedder delegate, EmbeddingStore store, int memoryEntries) {
    this.delegate = Objects.requireNonNull(delegate, "embedder must not be null");
    this.store = Objects.requireNonNull(store, "store must not be null");
    if (memoryEntries < 1) {
      throw new IllegalArgumentException("memory cache needs room for at least one entry");
    }
    this.memory =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > memoryEntries;
          }
        };
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return cached(texts, t -> ContentHash.of(modelId(), t), delegate::embed);
  }

  @Override
  public List<float[]> embedPairs(List<TextPair> pairs) {
    return cached(pairs, p -> ContentHash.of(modelId(), p), delegate::embedPairs);
  }

  /** Number of vectors served from a cache level and computed by the model, since creation. */
  public synchronized long[] hitsAndMisses() {
    return new long[] {hits, misses};
  }

  private <T> List<float[]> cached(
      List<T> inputs, Function<T, String> hash, Function<List<T>, List<float[]>> compute) {
    List<String> keys = new ArrayList<>(inputs.size());
    inputs.forEach(in -> keys.add(hash.apply(in)));
    Map<String, float[]> found = new HashMap<>();
    List<String> notInMemory = new ArrayList<>();
    synchronized (this) {
      for (String key : keys) {
        float[] v = memory.get(key);
        if (v != null) {
          found.put(key, v);
        } else {
          notInMemory.add(key);
        }
      }
    }
    if (!notInMemory.isEmpty()) {
      found.putAll(store.load(notInMemory));
    }
    // Compute each distinct missing content once, even when it repeats within the batch.
    Map<String, T> toCompute = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!found.containsKey(keys.get(i))) {
        toCompute.putIfAbsent(keys.get(i), inputs.get(i));
      }
    }
    if (!toCompute.isEmpty()) {
      List<float[]> computed = compute.apply(new ArrayList<>(toCompute.values()));
      Map<String, float[]> fresh = new LinkedHashMap<>();
      int n = 0;
      for (String key : toCompute.keySet()) {
        fresh.put(key, computed.get(n++));
      }
      store.save(fresh);
      found.putAll(fresh);
    }
    List<float[]> result = new ArrayList<>(inputs.size());
    synchronized (this) {
      for (String key : keys) {
        float[] v = found.get(key);
        memory.put(key, v);
        result.add(v);
      }
      misses += toCompute.size();
      hits += inputs.size() - toCompute.size();
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public void close() {
    try {
      store.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not close the embedding store", e);
    } finally {
      delegate.close();
    }
  }
}
