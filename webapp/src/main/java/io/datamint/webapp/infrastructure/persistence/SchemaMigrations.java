package io.datamint.webapp.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Migrations live under
 * {@code db/migration} in the WAR and in the module jars; Flyway takes a lock in the database, so
 * several instances starting together migrate once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // Each module owns a block of versions (accounts V1-V9, datasets V10-V19, validation
            // V30-V39): a block may grow after a higher one was applied, so order across blocks
            // cannot be required. Pending versions are still applied in version order.
            .outOfOrder(true)
            .load();
    MigrateResult result = flyway.migrate();
    var current = flyway.info().current();
    LOG.info(
        () ->
            "database schema at version "
                + (current == null ? "none" : current.getVersion())
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
