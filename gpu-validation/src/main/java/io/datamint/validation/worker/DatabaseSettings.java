package io.datamint.validation.worker;

import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Where the queue lives: {@code DATAMINT_DB_URL}, {@code DATAMINT_DB_USER}, {@code _PASSWORD}. */
public record DatabaseSettings(String url, String user, String password) {

  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/datamint";

  public static DatabaseSettings fromEnvironment() {
    return from(System.getenv());
  }

  static DatabaseSettings from(Map<String, String> env) {
    return new DatabaseSettings(
        env.getOrDefault("DATAMINT_DB_URL", DEFAULT_URL),
        env.getOrDefault("DATAMINT_DB_USER", "datamint"),
        env.getOrDefault("DATAMINT_DB_PASSWORD", "datamint"));
  }

  /** A connection per call, no pool: a worker makes a handful of statements per job. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setApplicationName("datamint-validation-worker");
    return ds;
  }
}
