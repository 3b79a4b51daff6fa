package io.datamint.ipfs.bench;

import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.PinLedger;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.ipfs.KuboContentStore;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import io.datamint.pipeline.crypto.ChunkedAesGcmCipher;
import io.datamint.pipeline.crypto.DataKeys;
import io.datamint.pipeline.crypto.MasterKey;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Ingest throughput: inspect + encrypt + add (and pin) for a 1 GiB CSV and a ZIP of 10,000 small
 * images, beside a plain {@code ipfs add} (Kubo's CLI, same options) and a plain RPC add of the
 * same bytes, on the same Kubo, in the same run. Not a test: run it with {@code
 * ipfs-storage/bench/ingest-bench.sh} (see docs/benchmarks.md, "Ingest").
 *
 * <p>Arguments: {@code <workdir> [csvMiB=1024] [images=10000]}; environment: {@code
 * DATAMINT_IPFS_API}, {@code IPFS_BIN} (the Kubo binary for the CLI baseline).
 */
public final class IngestBenchmark {

  private static final double MIB = 1024.0 * 1024.0;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "target/bench");
    long csvMiB = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    int images = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    Files.createDirectories(work);
    KuboConfig config = KuboConfig.fromEnvironment();
    KuboClient kubo = new KuboClient(config);
    System.out.printf(
        "Kubo %s at %s, Java %s, %d cores%n",
        kubo.version(),
        config.api(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());

    Path csv = work.resolve("bench.csv");
    Path zip = work.resolve("bench-images.zip");
    long t0 = System.nanoTime();
    writeCsv(csv, csvMiB << 20);
    System.out.printf("generated %s (%.1f MiB) in %.1f s%n", csv, Files.size(csv) / MIB, secs(t0));
    t0 = System.nanoTime();
    writeImageZip(zip, images);
    System.out.printf(
        "generated %s (%.1f MiB, %d images) in %.1f s%n",
        zip, Files.size(zip) / MIB, images, secs(t0));

    List<String> rows = new ArrayList<>();
    rows.add(measure(csvMiB + " MiB CSV", csv, "bench.csv", kubo));
    rows.add(measure(images + " images (ZIP)", zip, "bench-images.zip", kubo));
    System.out.println();
    System.out.println(
        "| input | size (MiB) | items | inspect s | encrypt+add+pin s | ingest total s |"
            + " ingest MB/s | ingest items/s | encrypt only MB/s | plain RPC add MB/s |"
            + " `ipfs add` CLI MB/s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    Files.deleteIfExists(csv);
    Files.deleteIfExists(zip);
  }

  private static String measure(String label, Path file, String name, KuboClient kubo)
      throws Exception {
    double mb = Files.size(file) / 1e6;
    double mib = Files.size(file) / MIB;
    LedgerForBench ledger = new LedgerForBench();
    KuboContentStore store = new KuboContentStore(kubo, ledger);
    ChunkedAesGcmCipher cipher = new ChunkedAesGcmCipher();
    DataKeys keys = new DataKeys(new MasterKey("bench", new byte[32]));
    TikaInspector inspector = new TikaInspector(InspectionLimits.defaults());

    // warm the JIT and the page cache once, not counted
    inspector.inspect(file, name, ItemSink.discard());
    try (InputStream in = cipher.encrypting(Files.newInputStream(file), DataKeys.random())) {
      in.transferTo(OutputStream.nullOutputStream());
    }

    AtomicLong items = new AtomicLong();
    long t0 = System.nanoTime();
    Inspection inspection = inspector.inspect(file, name, item -> items.incrementAndGet());
    double inspect = secs(t0);
    if (!(inspection instanceof Inspection.Accepted accepted)) {
      throw new IllegalStateException("benchmark input rejected: " + inspection);
    }
    Manifest manifest = accepted.manifest();

    DataKey key = keys.forContent(manifest.contentHash());
    t0 = System.nanoTime();
    try (InputStream in = cipher.encrypting(Files.newInputStream(file), key)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    double encryptOnly = secs(t0);

    long size = Files.size(file);
    t0 = System.nanoTime();
    StoredObject stored =
        store.store(
            ContentSource.of(
                () -> cipher.encrypting(Files.newInputStream(file), key),
                cipher.ciphertextSize(size)),
            "bench:" + name,
            n -> {});
    double store1 = secs(t0);
    store.release(stored.cid(), "bench:" + name);
    repoGc(kubo);

    t0 = System.nanoTime();
    var plain = kubo.add(ContentSource.ofFile(file), true, n -> {});
    double rpcAdd = secs(t0);
    kubo.pinRm(plain.cid());
    repoGc(kubo);

    double cli = cliAdd(file);
    repoGc(kubo);

    double total = inspect + store1;
    System.out.printf(
        Locale.ROOT,
        "%s: inspect %.2f s, encrypt+add+pin %.2f s, plain add %.2f s, cli %.2f s, load %s%n",
        label,
        inspect,
        store1,
        rpcAdd,
        cli,
        loadAverage());
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %d | %.2f | %.2f | %.2f | **%.0f** | %.0f | %.0f | %.0f | %s |",
        label,
        mib,
        items.get(),
        inspect,
        store1,
        total,
        mb / total,
        items.get() / total,
        mb / encryptOnly,
        mb / rpcAdd,
        cli > 0 ? String.format(Locale.ROOT, "%.0f", mb / cli) : "n/a");
  }

  /** The 1-minute load average, to tell whether other work shared the machine. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** {@code ipfs add} of the same bytes with the same options, through the same daemon. */
  private static double cliAdd(Path file) throws IOException, InterruptedException {
    String bin = System.getenv("IPFS_BIN");
    if (bin == null || bin.isBlank()) {
      return -1;
    }
    String api = KuboConfig.fromEnvironment().api().toString();
    java.net.URI u = java.net.URI.create(api);
    String multiaddr = "/ip4/" + u.getHost() + "/tcp/" + u.getPort();
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                bin,
                "--api=" + multiaddr,
                "add",
                "-Q",
                "--cid-version=1",
                "--raw-leaves",
                "--chunker=size-262144",
                "--pin=true",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ipfs add failed: " + out);
    }
    double s = secs(t0);
    new ProcessBuilder(bin, "--api=" + multiaddr, "pin", "rm", out).start().waitFor();
    return s;
  }

  /**
   * Drops unpinned blocks (this is the benchmark's private node), so that every add writes its
   * blocks afresh instead of finding them from the previous measurement.
   */
  private static void repoGc(KuboClient kubo) throws IOException, InterruptedException {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> r =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(kubo.config().api() + "/api/v0/repo/gc?quiet=true"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("repo/gc failed: " + r.body());
    }
  }

  static void writeCsv(Path file, long bytes) throws IOException {
    String[] labels = {"positive", "negative", "neutral", "mixed"};
    String[] words = {
      "data",
      "model",
      "label",
      "market",
      "token",
      "review",
      "quality",
      "fast",
      "slow",
      "great",
      "poor",
      "value",
      "price",
      "support",
      "delivery",
      "screen"
    };
    Random r = new Random(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,user_id,score,price,created,label,text\n");
      long written = 0;
      StringBuilder line = new StringBuilder(256);
      for (long i = 0; written < bytes; i++) {
        line.setLength(0);
        line.append(i)
            .append(',')
            .append(r.nextInt(1_000_000))
            .append(',')
            .append(r.nextInt(5) + 1)
            .append(',')
            .append(r.nextInt(100_000) / 100.0)
            .append(',')
            .append("2025-")
            .append(String.format("%02d", 1 + r.nextInt(12)))
            .append('-')
            .append(String.format("%02d", 1 + r.nextInt(28)))
            .append(',')
            .append(labels[r.nextInt(labels.length)])
            .append(",\"");
        int n = 8 + r.nextInt(20);
        for (int k = 0; k < n; k++) {
          line.append(words[r.nextInt(words.length)]).append(k + 1 < n ? " " : "");
        }
        line.append("\"\n");
        w.append(line);
        written += line.length();
      }
    }
  }

  static void writeImageZip(Path file, int count) throws IOException {
    Random r = new Random(7);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      z.setLevel(0);
      for (int i = 0; i < count; i++) {
        int w = 64 + r.nextInt(128);
        int h = 64 + r.nextInt(128);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < 6; k++) {
          g.setColor(new Color(r.nextInt(0xFFFFFF)));
          g.fillOval(r.nextInt(w), r.nextInt(h), 4 + r.nextInt(w), 4 + r.nextInt(h));
        }
        g.dispose();
        boolean png = i % 2 == 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, png ? "png" : "jpeg", out);
        z.putNextEntry(new ZipEntry("class" + (i % 10) + "/" + i + (png ? ".png" : ".jpg")));
        z.write(out.toByteArray());
        z.closeEntry();
      }
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Pins recorded in memory: the benchmark measures storage, not the database. */
  private static final class LedgerForBench implements PinLedger {
    private final Set<String> held = new HashSet<>();

    @Override
    public synchronized void pinRequested(io.datamint.domain.model.dataset.Cid cid, String ref) {
      held.add(cid + " " + ref);
    }

    @Override
    public synchronized void pinConfirmed(io.datamint.domain.model.dataset.Cid cid, String ref) {
      held.add(cid + " " + ref);
    }

    @Override
    public synchronized int released(io.datamint.domain.model.dataset.Cid cid, String ref) {
      held.remove(cid + " " + ref);
      return (int) held.stream().filter(s -> s.startsWith(cid + " ")).count();
    }

    @Override
    public synchronized Set<io.datamint.domain.model.dataset.Cid> heldCids() {
      Set<io.datamint.domain.model.dataset.Cid> out = new HashSet<>();
      held.forEach(s -> out.add(io.datamint.domain.model.dataset.Cid.of(s.split(" ")[0])));
      return out;
    }
  }
}
