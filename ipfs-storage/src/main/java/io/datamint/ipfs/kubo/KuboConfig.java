package io.datamint.ipfs.kubo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Kubo's RPC API is and how patient to be with it.
 *
 * @param api base URI of the RPC API, e.g. {@code http://127.0.0.1:5001}
 * @param connectTimeout time to open a connection
 * @param requestTimeout time to the response headers of a small call
 * @param addBytesPerSecond the slowest add throughput tolerated: an add of n bytes may take {@code
 *     requestTimeout + n / addBytesPerSecond} before it times out
 * @param maxAttempts attempts of an idempotent call (1 = no retry)
 * @param initialBackoff wait before the first retry; doubled for each further one
 */
public record KuboConfig(
    URI api,
    Duration connectTimeout,
    Duration requestTimeout,
    long addBytesPerSecond,
    int maxAttempts,
    Duration initialBackoff) {

  public static final String API_ENV = "DATAMINT_IPFS_API";
  public static final String DEFAULT_API = "http://127.0.0.1:5001";

  public KuboConfig {
    Objects.requireNonNull(api, "api must not be null");
    Objects.requireNonNull(connectTimeout, "connect timeout must not be null");
    Objects.requireNonNull(requestTimeout, "request timeout must not be null");
    Objects.requireNonNull(initialBackoff, "backoff must not be null");
    if (!"http".equals(api.getScheme()) && !"https".equals(api.getScheme())) {
      throw new IllegalArgumentException("Kubo's API must be an http(s) URI: " + api);
    }
    if (maxAttempts < 1 || addBytesPerSecond < 1) {
      throw new IllegalArgumentException("attempts and add throughput must be positive");
    }
    String s = api.toString();
    if (s.endsWith("/")) {
      api = URI.create(s.substring(0, s.length() - 1));
    }
  }

  public static KuboConfig of(String api) {
    return new KuboConfig(
        URI.create(api),
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        1L << 20,
        4,
        Duration.ofMillis(250));
  }

  /** From {@code DATAMINT_IPFS_API}, else {@value #DEFAULT_API}. */
  public static KuboConfig fromEnvironment() {
    String api = System.getenv(API_ENV);
    return of(api == null || api.isBlank() ? DEFAULT_API : api.trim());
  }

  public KuboConfig withTimeouts(Duration connect, Duration request) {
    return new KuboConfig(api, connect, request, addBytesPerSecond, maxAttempts, initialBackoff);
  }

  public KuboConfig withRetries(int attempts, Duration backoff) {
    return new KuboConfig(
        api, connectTimeout, requestTimeout, addBytesPerSecond, attempts, backoff);
  }
}
