package io.datamint.webapp.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for the application, so that services never call {@code Instant.now()} directly. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
