package io.datamint.webapp.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the stack's PostgreSQL (found through {@code DATAMINT_DB_URL}, {@code
 * DATAMINT_DB_USER}, {@code DATAMINT_DB_PASSWORD}, local defaults otherwise), created by the
 * application's migrations for one integration suite and dropped after it, so that suites never see
 * each other's rows.
 */
public final class TestSchema {

  private final String name;
  private final PGSimpleDataSource dataSource;

  private TestSchema(String name, PGSimpleDataSource dataSource) {
    this.name = name;
    this.dataSource = dataSource;
  }

  /** A new schema named from {@code prefix}, with every migration applied. */
  public static TestSchema migrated(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(env("DATAMINT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/datamint"));
    dataSource.setUser(env("DATAMINT_DB_USER", "datamint"));
    dataSource.setPassword(env("DATAMINT_DB_PASSWORD", "datamint"));
    dataSource.setCurrentSchema(name);
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(name)
        .createSchemas(true)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    return new TestSchema(name, dataSource);
  }

  /** Connections whose search path is this schema. */
  public PGSimpleDataSource dataSource() {
    return dataSource;
  }

  public void drop() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement drop = c.createStatement()) {
      drop.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
