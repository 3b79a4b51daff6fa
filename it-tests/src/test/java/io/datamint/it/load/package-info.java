/**
 * The labeling load harness (issue #6, "Tests and numbers"): many virtual labelers against the
 * deployed WAR on loopback, fetching tasks and submitting labels for a fixed time, with latency
 * percentiles per endpoint, errors by status, the machine's load and the application's heap, and a
 * correctness check of the queue afterwards. Not part of the build's tests: run it with {@code mvn
 * -Pload} (see {@code it-tests/bin/load} and the section "Labeling under load" of {@code
 * docs/benchmarks.md}).
 */
package io.datamint.it.load;
