/**
 * Sentence embeddings of item content: the {@link io.datamint.validation.embedding.Embedder} port,
 * its ONNX Runtime adapter running all-MiniLM-L6-v2 (CUDA when present, CPU otherwise), and a cache
 * keyed by content hash (in memory, backed by a file or a PostgreSQL table) so that re-validating a
 * batch never embeds the same text twice.
 */
package io.datamint.validation.embedding;
