package io.datamint.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts components of the local stack through the project's own entry script. */
public final class Stack {

  private Stack() {}

  public static void stop(String component) {
    run("stop", component);
  }

  /** Starts a component and returns once the script has seen it healthy. */
  public static void start(String component) {
    run("start", component);
  }

  private static void run(String verb, String component) {
    Path root = Path.of(System.getProperty("datamint.root", "..")).toAbsolutePath().normalize();
    try {
      Process process =
          new ProcessBuilder(root.resolve("datamint").toString(), verb, component)
              .directory(root.toFile())
              .inheritIO()
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("./datamint " + verb + " " + component + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./datamint " + verb + " " + component + " failed with " + process.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
