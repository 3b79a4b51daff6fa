package io.datamint.validation.worker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database of its own for the integration tests ({@code datamint_validation_it}), recreated at
 * each run on the server named by {@code DATAMINT_DB_URL} (default 127.0.0.1:5432) and migrated
 * with Flyway from this module's {@code db/migration}, exactly as the web application will.
 */
final class ItDatabase {

  static final String NAME = "datamint_validation_it";

  private ItDatabase() {}

  static DatabaseSettings recreate() throws SQLException {
    DatabaseSettings admin = DatabaseSettings.fromEnvironment();
    try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + NAME + " with (force)");
      s.execute("create database " + NAME);
    }
    String url = admin.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + NAME + "$1");
    DatabaseSettings it = new DatabaseSettings(url, admin.user(), admin.password());
    Flyway.configure()
        .dataSource(it.url(), it.user(), it.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return it;
  }

  static void truncate(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("truncate validation_job, validation_embedding restart identity cascade");
    }
  }
}
