package io.datamint.domain.model.chain;

import java.time.Duration;

/**
 * When a chain operation that could not finish (node unreachable, no receipt in time) is tried
 * again: after 2 s, then twice as long each time, never more than 30 s apart. Shared by every
 * durable chain operation (minting, escrow deposits and refunds), so they back off alike.
 */
public final class ChainRetry {

  /** The first retry waits this long; each further one twice as long, up to {@link #MAX_DELAY}. */
  public static final Duration FIRST_DELAY = Duration.ofSeconds(2);

  /** The longest wait between two attempts: a chain that comes back is used within this. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private ChainRetry() {}

  /** How long to wait after attempt number {@code attempts} before the next one. */
  public static Duration delayAfter(int attempts) {
    if (attempts <= 1) {
      return FIRST_DELAY;
    }
    int doublings = Math.min(attempts - 1, 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
