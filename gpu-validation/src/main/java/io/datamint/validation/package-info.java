/**
 * The validation pipeline: scores every crowd label before any reward is released. Embeddings
 * ({@code embedding}), truth inference ({@code inference}), the batch scorer that joins them, the
 * standalone worker pool ({@code worker}), the scoring command line ({@code cli}) and the benchmark
 * harness ({@code bench}).
 */
package io.datamint.validation;
