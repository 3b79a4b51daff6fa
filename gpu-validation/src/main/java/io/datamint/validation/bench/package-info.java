/**
 * The measurements behind docs/benchmarks.md: truth inference on the RTE crowd against majority
 * vote and plain Dawid–Skene, embedder throughput by batch size, and the time to score 100,000
 * labels. Run with {@code mvn -pl gpu-validation -am -Pbench verify} or {@code
 * gpu-validation/bin/bench}.
 */
package io.datamint.validation.bench;
