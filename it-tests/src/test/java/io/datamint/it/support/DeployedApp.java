package io.datamint.it.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built WAR running on Payara Micro exactly as {@code ./datamint run} runs it (context root
 * "/"), started once for all client-side suites of this JVM on a free port and stopped when the
 * JVM's test run ends. The stack (database, IPFS, chain, Keycloak) must already be up.
 */
public final class DeployedApp implements BeforeAllCallback {

  private static final Duration STARTUP = Duration.ofMinutes(4);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The base URL, e.g. {@code http://localhost:41234}; only valid inside an extended suite. */
  public static URI baseUri() {
    if (Running.current == null) {
      throw new IllegalStateException("annotate the suite with @ExtendWith(DeployedApp.class)");
    }
    return Running.current.base;
  }

  /**
   * Kills the application as a crash would (SIGKILL: no shutdown hooks, no orderly stop) and starts
   * it again; every suite from now on talks to the new one.
   *
   * @return the log of the killed run
   */
  public static Path crashAndRestart() {
    Running running = Running.current;
    if (running == null) {
      throw new IllegalStateException("annotate the suite with @ExtendWith(DeployedApp.class)");
    }
    return running.crashAndRestart();
  }

  /**
   * Writes a thread dump of the running application (jcmd) to {@code target/} and prints the
   * threads that are inside our code, in JWT/OIDC key handling or blocked, so that a request that
   * hangs in CI leaves the reason in the build log.
   *
   * @return the file with the whole dump
   */
  public static Path threadDump(String why) {
    Running running = Running.current;
    if (running == null) {
      throw new IllegalStateException("annotate the suite with @ExtendWith(DeployedApp.class)");
    }
    return running.threadDump(why);
  }

  /** A Payara Micro process; closed by JUnit at the end of the run. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    static volatile Running current;

    private volatile Process process;
    volatile URI base;
    private int crashes;

    private Running(Process process, URI base) {
      this.process = process;
      this.base = base;
    }

    static Running start() {
      LocalChain.ensureContractsDeployed(root());
      Launched launched = launch();
      current = new Running(launched.process(), launched.base());
      return current;
    }

    synchronized Path crashAndRestart() {
      try {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        crashes++;
        Path crashed = LOG.resolveSibling("payara-app-crashed-" + crashes + ".log");
        Files.move(LOG, crashed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Launched launched = launch();
        process = launched.process();
        base = launched.base();
        return crashed;
      } catch (IOException e) {
        throw new IllegalStateException("cannot restart Payara Micro", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    synchronized Path threadDump(String why) {
      try {
        Path dump = LOG.resolveSibling("payara-threads-" + Instant.now().toEpochMilli() + ".txt");
        Process jcmd =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()),
                    "Thread.print",
                    "-l")
                .redirectErrorStream(true)
                .redirectOutput(dump.toFile())
                .start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
          jcmd.destroyForcibly();
        }
        StringBuilder interesting = new StringBuilder();
        for (String thread : Files.readString(dump).split("\n\n")) {
          String lower = thread.toLowerCase(java.util.Locale.ROOT);
          if (lower.contains("io.datamint")
              || lower.contains("jwt")
              || lower.contains("openid")
              || lower.contains("state: blocked")) {
            interesting.append(thread).append("\n\n");
          }
        }
        System.err.println(
            "=== Payara threads (" + why + "), whole dump in " + dump.toAbsolutePath() + " ===");
        System.err.println(interesting);
        return dump;
      } catch (IOException e) {
        throw new IllegalStateException("cannot take a thread dump of Payara Micro", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private record Launched(Process process, URI base) {}

    private static final Path LOG = Path.of("target", "payara-app.log");

    private static Launched launch() {
      try {
        int port = freePort();
        Path log = Files.createDirectories(LOG.getParent()).resolve(LOG.getFileName());
        Process process =
            new ProcessBuilder(
                    List.of(
                        javaBin(),
                        "-Xmx768m",
                        // Loopback only, as ./datamint run does: no data grid, no listener outside.
                        "-Dhazelcast.socket.bind.any=false",
                        "-jar",
                        required("payara.microJar"),
                        "--deploy",
                        required("datamint.war"),
                        "--contextroot",
                        "/",
                        "--port",
                        Integer.toString(port),
                        "--nocluster",
                        "--nohazelcast",
                        "--disablephonehome",
                        "--prebootcommandfile",
                        root().resolve("deploy/payara/pre-boot-commands.asadmin").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI base = URI.create("http://localhost:" + port);
        awaitReady(process, base, log);
        return new Launched(process, base);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start Payara Micro", e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      current = null;
    }

    private static void awaitReady(Process process, URI base, Path log) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Instant deadline = Instant.now().plus(STARTUP);
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Payara Micro exited; see " + log.toAbsolutePath());
        }
        try {
          if (Files.readString(log).contains("ready in")) {
            HttpResponse<String> health =
                client.send(
                    HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            // 200 or 503 both mean the application answers its own checks.
            boolean answered = health.statusCode() == 200 || health.statusCode() == 503;
            if (answered && !health.body().contains("No Application deployed")) {
              return;
            }
          }
        } catch (IOException notYet) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        sleep();
      }
      process.destroyForcibly();
      throw new IllegalStateException("Payara Micro not ready within " + STARTUP + "; see " + log);
    }

    private static void sleep() {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    private static Path root() {
      return Path.of(System.getProperty("datamint.root", "..")).toAbsolutePath().normalize();
    }

    private static String javaBin() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
      String value = System.getProperty(property);
      if (value == null || !new File(value).isFile()) {
        throw new IllegalStateException(property + " must name an existing file, was " + value);
      }
      return value;
    }
  }
}
