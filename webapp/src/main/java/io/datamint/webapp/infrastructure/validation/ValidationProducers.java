package io.datamint.webapp.infrastructure.validation;

import io.datamint.domain.model.validation.ValidationJobQueue;
import io.datamint.validation.worker.PostgresValidationJobQueue;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The validation job queue for CDI. The adapter lives in gpu-validation (the workers read the same
 * tables); here it gets the container's pooled, transaction-aware data source, so a job queued in a
 * use case's transaction commits with everything else the use case wrote.
 */
@ApplicationScoped
public class ValidationProducers {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Produces
  @ApplicationScoped
  ValidationJobQueue validationJobQueue() {
    return new PostgresValidationJobQueue(dataSource);
  }
}
