package io.datamint.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real validation worker processes, started the way {@code gpu-validation/bin/worker} starts them:
 * {@code java -cp target/gpu-validation.jar:target/lib-onnxruntime/* WorkerMain}, against the
 * database of the deployed application (the {@code DATAMINT_DB_*} environment this JVM got). The
 * module's jar and runtime libraries come from its {@code package} phase, which runs before this
 * module in the reactor ({@code -pl it-tests -am}: the WAR depends on gpu-validation).
 */
public final class ValidationWorkers {

  /** Starting a worker loads the embedding model (a few seconds on 2 busy cores). */
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private ValidationWorkers() {}

  /** One worker process; closing it stops it the way {@code ./datamint stop} does (SIGTERM). */
  public static final class Worker implements AutoCloseable {
    private final String id;
    private final Process process;
    private final Path log;

    private Worker(String id, Process process, Path log) {
      this.id = id;
      this.process = process;
      this.log = log;
    }

    public String id() {
      return id;
    }

    public Path log() {
      return log;
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Kills the process at once (SIGKILL): no clean-up, the lease is left to run out. */
    public void kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("worker " + id + " survived SIGKILL");
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Starts a worker and returns once it polls the queue.
   *
   * @param id the name it leases jobs under ({@code validation_job.leased_by})
   * @param lease its lease length; it renews every third of it while scoring
   */
  public static Worker start(String id, Duration lease) {
    Path module = root().resolve("gpu-validation");
    Path jar = module.resolve("target/gpu-validation.jar");
    Path lib = module.resolve("target/lib-onnxruntime");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "gpu-validation is not packaged ("
              + jar
              + ", "
              + lib
              + "): run with -pl it-tests -am, or mvn -pl gpu-validation -am package first");
    }
    try {
      Path logs = Files.createDirectories(Path.of("target", "validation-workers"));
      Path log = logs.resolve(id + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-Dai.djl.offline=true");
      command.add("-cp");
      command.add(jar + File.pathSeparator + lib + File.separator + "*");
      command.add("io.datamint.validation.worker.WorkerMain");
      command.add("--id");
      command.add(id);
      command.add("--lease");
      command.add(Long.toString(Math.max(1, lease.toSeconds())));
      command.add("--poll");
      command.add("1");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder
          .environment()
          .put("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
      // one thread: the deployed application and the test share the machine's cores
      builder.environment().put("DATAMINT_EMBEDDER_THREADS", "1");
      Process process = builder.start();
      Worker worker = new Worker(id, process, log);
      awaitStarted(worker);
      return worker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a validation worker", e);
    }
  }

  private static void awaitStarted(Worker worker) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP);
    String started = "worker " + worker.id + " started";
    while (Instant.now().isBefore(deadline)) {
      if (Files.readString(worker.log).contains(started)) {
        return;
      }
      if (!worker.process.isAlive()) {
        throw new IllegalStateException(
            "worker " + worker.id + " exited at start: " + Files.readString(worker.log));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    worker.process.destroyForcibly();
    throw new IllegalStateException(
        "worker " + worker.id + " did not start within " + STARTUP + "; see " + worker.log);
  }

  /** The checkout's root (the failsafe configuration names it). */
  public static Path root() {
    return Path.of(System.getProperty("datamint.root", "..")).toAbsolutePath().normalize();
  }

  /**
   * The command line's scorer ({@code ./datamint score}) on the same class path, for comparing its
   * files with what the workers wrote. Returns the exit code; output in {@code out/score.log}.
   */
  public static int score(Path annotations, Path out, String... options)
      throws IOException, InterruptedException {
    Path module = root().resolve("gpu-validation");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dai.djl.offline=true");
    command.add("-cp");
    command.add(
        module.resolve("target/gpu-validation.jar")
            + File.pathSeparator
            + module.resolve("target/lib-onnxruntime")
            + File.separator
            + "*");
    command.add("io.datamint.validation.cli.ScoreCommand");
    command.add("--annotations");
    command.add(annotations.toString());
    command.add("--out");
    command.add(out.toString());
    command.addAll(List.of(options));
    Files.createDirectories(out);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("score.log").toFile())
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the scoring command line did not finish in 2 minutes");
    }
    return process.exitValue();
  }
}
