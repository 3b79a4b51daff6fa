package io.datamint.it.load;

import java.time.Duration;

/**
 * What a load run does, from system properties ({@code -Dload.labelers=200} etc.), so that a run is
 * reproducible from its command line alone; the report repeats them.
 *
 * @param labelers concurrent virtual labelers, each a thread of a fixed pool (Java 17: no virtual
 *     threads)
 * @param warmUp time before measuring: accounts are created on first contact, the JIT warms up
 * @param measured the window whose requests are counted
 * @param thinkMin shortest pause between getting a task and answering it
 * @param thinkMax longest pause (uniform between the two; 0 and 0 for maximum throughput)
 * @param skipPercent share of tasks skipped instead of labeled
 * @param items rows of the generated CSV (regular and gold items)
 * @param labelsPerItem k of the campaign
 * @param goldItems items with a known answer, handed out every {@code goldEvery}-th task
 * @param goldEvery see above
 * @param leaseSeconds the campaign's lease
 */
record LoadSettings(
    int labelers,
    Duration warmUp,
    Duration measured,
    Duration thinkMin,
    Duration thinkMax,
    int skipPercent,
    int items,
    int labelsPerItem,
    int goldItems,
    int goldEvery,
    int leaseSeconds) {

  static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        integer("load.labelers", 200),
        Duration.ofSeconds(integer("load.warmupSeconds", 30)),
        Duration.ofSeconds(integer("load.seconds", 180)),
        Duration.ofMillis(integer("load.thinkMinMs", 0)),
        Duration.ofMillis(integer("load.thinkMaxMs", 0)),
        integer("load.skipPercent", 5),
        integer("load.items", 20_000),
        integer("load.k", 3),
        integer("load.goldItems", 100),
        integer("load.goldEvery", 10),
        integer("load.leaseSeconds", 120));
  }

  /** The line a reader needs to run it again. */
  String commandLine() {
    return "-Dload.labelers="
        + labelers
        + " -Dload.warmupSeconds="
        + warmUp.toSeconds()
        + " -Dload.seconds="
        + measured.toSeconds()
        + " -Dload.thinkMinMs="
        + thinkMin.toMillis()
        + " -Dload.thinkMaxMs="
        + thinkMax.toMillis()
        + " -Dload.skipPercent="
        + skipPercent
        + " -Dload.items="
        + items
        + " -Dload.k="
        + labelsPerItem
        + " -Dload.goldItems="
        + goldItems
        + " -Dload.goldEvery="
        + goldEvery
        + " -Dload.leaseSeconds="
        + leaseSeconds;
  }

  private static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
