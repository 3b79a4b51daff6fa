package io.datamint.validation.embedding;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose dot product measures how alike their meanings are.
 * Results come back in the order of the input. Implementations are thread-safe.
 */
public interface Embedder extends AutoCloseable {

  /** Length of every vector. */
  int dimension();

  /**
   * Identifies the model (and its settings) so cached vectors of another model are never reused.
   */
  String modelId();

  List<float[]> embed(List<String> texts);

  /**
   * Embeds each pair read jointly, as the model's tokenizer joins two segments ({@code [CLS] first
   * [SEP] second [SEP]}).
   */
  List<float[]> embedPairs(List<TextPair> pairs);

  @Override
  default void close() {}
}
