package io.datamint.webapp.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one data source, declared in the WAR so that a bare Payara Micro needs no admin commands.
 * Payara resolves {@code ${MPCONFIG=...}} from MicroProfile Config, hence from the environment.
 * Connections are validated before use so that the pool heals by itself after PostgreSQL restarts.
 */
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=datamint.db.url}",
    user = "${MPCONFIG=datamint.db.user}",
    password = "${MPCONFIG=datamint.db.password}",
    minPoolSize = 1,
    maxPoolSize = 20,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class DataSourceConfiguration {

  public static final String JNDI_NAME = "java:app/jdbc/datamint";
}
