package io.datamint.it.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the machine and the application do while the load runs, sampled every few seconds from a
 * thread of its own: the 1-minute load average ({@code /proc/loadavg}: the 2 cores are shared with
 * other work, so it says how much of the machine the run really had), the application JVM's used
 * heap ({@code jcmd GC.heap_info}), and the application's database sessions by state and wait
 * ({@code pg_stat_activity}: a full connection pool or lock waits show here). Thread dumps of the
 * application are written next to the report on request.
 */
final class ServerProbe {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Optional<ProcessHandle> app;
  private final Path out;
  private final List<Double> load = new ArrayList<>();
  private final List<Long> heapKib = new ArrayList<>();
  private final Map<String, Long> sessions = new TreeMap<>();
  private int sessionSamples;

  ServerProbe(int appPort, Path out) {
    this.app =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains("payara-micro") && c.contains("--port " + appPort))
                        .orElse(false))
            .findFirst();
    this.out = out;
  }

  Optional<Long> appPid() {
    return app.map(ProcessHandle::pid);
  }

  synchronized void sample() {
    try {
      load.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
    } catch (IOException | RuntimeException ignored) {
      // not Linux: no load average in the report
    }
    jcmd("GC.heap_info")
        .map(USED::matcher)
        .filter(Matcher::find)
        .ifPresent(m -> heapKib.add(Long.parseLong(m.group(1))));
    sampleSessions();
  }

  private void sampleSessions() {
    String sql =
        "SELECT state, coalesce(wait_event_type, '-'), count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2";
    try (Connection c = database();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        sessions.merge(rs.getString(1) + " / wait " + rs.getString(2), rs.getLong(3), Long::sum);
      }
      sessionSamples++;
    } catch (SQLException ignored) {
      // the report says the sessions were not sampled
    }
  }

  /** Writes a thread dump of the application to {@code out/threads-<name>.txt}. */
  void threadDump(String name) {
    jcmd("Thread.print")
        .ifPresent(
            dump -> {
              try {
                Files.writeString(out.resolve("threads-" + name + ".txt"), dump);
              } catch (IOException ignored) {
                // a missing dump is no reason to lose the run
              }
            });
  }

  synchronized String loadAverage() {
    if (load.isEmpty()) {
      return "n/a";
    }
    double sum = 0;
    for (double l : load) {
      sum += l;
    }
    return String.format(
        "%.2f mean (%.2f–%.2f)",
        sum / load.size(),
        load.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        load.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  synchronized String heap() {
    if (heapKib.isEmpty()) {
      return "n/a";
    }
    return String.format(
        "%d–%d MiB used (of -Xmx768m)",
        heapKib.stream().mapToLong(Long::longValue).min().orElse(0) / 1024,
        heapKib.stream().mapToLong(Long::longValue).max().orElse(0) / 1024);
  }

  /** Mean number of the application's database sessions per state and wait type. */
  synchronized Map<String, Double> sessions() {
    Map<String, Double> mean = new TreeMap<>();
    sessions.forEach((k, v) -> mean.put(k, sessionSamples == 0 ? 0 : (double) v / sessionSamples));
    return mean;
  }

  private Optional<String> jcmd(String command) {
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(app.get().pid()), command)
              .redirectErrorStream(true)
              .start();
      String text = new String(p.getInputStream().readAllBytes());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0
          ? Optional.of(text)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(
        env("DATAMINT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/datamint"),
        env("DATAMINT_DB_USER", "datamint"),
        env("DATAMINT_DB_PASSWORD", "datamint"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
