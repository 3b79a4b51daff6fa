package io.datamint.it.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latencies of one endpoint in the measured window, kept whole (a few hundred thousand longs at
 * most) so that percentiles are exact rather than bucketed, and its answers by HTTP status ("io"
 * for a request that got no answer). Thread-safe; recording is a short synchronised append.
 */
final class Latencies {

  /** Percentiles and counts of one endpoint, in milliseconds. */
  record Summary(
      long count, double p50, double p95, double p99, double max, Map<String, Long> byStatus) {}

  private long[] micros = new long[1024];
  private int size;
  private final Map<String, Long> byStatus = new TreeMap<>();

  synchronized void record(long latencyMicros, String status) {
    if (size == micros.length) {
      micros = Arrays.copyOf(micros, size * 2);
    }
    micros[size++] = latencyMicros;
    byStatus.merge(status, 1L, Long::sum);
  }

  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(micros, size);
    Arrays.sort(sorted);
    return new Summary(
        size,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        size == 0 ? Double.NaN : sorted[size - 1] / 1000.0,
        new TreeMap<>(byStatus));
  }

  /** Nearest-rank percentile: the smallest sample with at least p % of the samples at or below. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1000.0;
  }
}
