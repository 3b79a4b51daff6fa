package io.datamint.validation.worker;

import java.time.Duration;

/**
 * A worker process that dies the hard way right after leasing a job: no renewal, no release, no
 * shutdown hook. Started as a separate JVM by {@link ValidationQueueIT}.
 */
public final class CrashingWorker {

  private CrashingWorker() {}

  public static void main(String[] args) {
    DatabaseSettings db = new DatabaseSettings(args[0], args[1], args[2]);
    var lease =
        new PostgresJobLeases(db.dataSource())
            .claim("crashing-worker", Duration.ofSeconds(Long.parseLong(args[3])));
    System.out.println(lease.isPresent() ? "claimed " + lease.get().job() : "nothing");
    System.out.flush();
    Runtime.getRuntime().halt(137);
  }
}
