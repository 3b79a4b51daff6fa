package io.datamint.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverAllSamplesInMilliseconds() {
    Latencies latencies = new Latencies();
    for (int i = 100; i >= 1; i--) {
      latencies.record(i * 1000L, i % 10 == 0 ? "409" : "200");
    }

    Latencies.Summary summary = latencies.summary();

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isEqualTo(50.0);
    assertThat(summary.p95()).isEqualTo(95.0);
    assertThat(summary.p99()).isEqualTo(99.0);
    assertThat(summary.max()).isEqualTo(100.0);
    assertThat(summary.byStatus()).containsEntry("200", 90L).containsEntry("409", 10L);
  }

  @Test
  void growsBeyondItsFirstArrayWithoutLosingSamples() {
    Latencies latencies = new Latencies();
    for (int i = 0; i < 5000; i++) {
      latencies.record(7, "200");
    }
    assertThat(latencies.summary().count()).isEqualTo(5000);
    assertThat(latencies.summary().max()).isEqualTo(0.007);
  }

  @Test
  void anEndpointWithoutRequestsHasNoPercentiles() {
    assertThat(new Latencies().summary().p99()).isNaN();
  }
}
