/**
 * Truth inference from crowd labels: a multi-class Dawid–Skene EM whose confusion matrices are
 * shrunk toward the crowd's average (empirical Bayes), anchored by gold items and helped by an
 * out-of-fold classifier over item embeddings that takes part in the EM as one more annotator. No
 * ONNX or I/O types: plain arrays in, probabilities out.
 */
package io.datamint.validation.inference;
