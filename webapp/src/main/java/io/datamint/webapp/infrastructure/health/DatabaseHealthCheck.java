package io.datamint.webapp.infrastructure.health;

import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** A pooled connection to PostgreSQL passes a validity round trip. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      return response.status(connection.isValid(TIMEOUT_SECONDS)).build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
