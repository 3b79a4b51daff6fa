package io.datamint.ipfs.kubo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStoreException.Failure;
import io.datamint.ipfs.unixfs.UnixFsFileBuilder;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubo's RPC API over {@code java.net.http}. Every call is a POST (Kubo refuses GET on the RPC
 * API). Idempotent calls are retried with exponential backoff when Kubo is unreachable, answers
 * 502/503/504, or times out; an add is idempotent too, since the same bytes give the same CID.
 *
 * <p>Adds use one fixed set of import options (CIDv1, raw leaves, sha2-256, fixed 256 KiB chunks,
 * balanced layout) and compute the CID locally over the bytes as they are streamed; a CID from Kubo
 * that differs is a {@link Failure#CID_MISMATCH}. Thread-safe.
 */
public final class KuboClient {

  private static final Logger LOG = LoggerFactory.getLogger(KuboClient.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Reads never search the network: everything Datamint serves is pinned on its own node, and a
   * missing block would otherwise keep a request waiting on the DHT until it times out.
   */
  private static final String LOCAL_ONLY = "&offline=true";

  private final KuboConfig config;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public KuboClient(KuboConfig config) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public KuboConfig config() {
    return config;
  }

  // --- health ---

  /** Kubo's version, e.g. {@code 0.43.1}; the cheapest call to see that Kubo is up. */
  public String version() {
    return call("version", "", true).path("Version").asText();
  }

  /** The node's peer id. */
  public String id() {
    return call("id", "", true).path("ID").asText();
  }

  // --- add ---

  /**
   * Adds the bytes as one file and checks the CID Kubo reports against the CID computed here over
   * the same bytes.
   *
   * @param pin whether Kubo pins it as part of the add (callers that record pins first pass false
   *     and pin afterwards)
   * @param progress told the bytes sent so far (the last call is the total)
   */
  public AddResult add(ContentSource content, boolean pin, LongConsumer progress) {
    return add(content, pin, false, progress);
  }

  /** The CID Kubo would give the bytes, without storing them ({@code --only-hash}). */
  public Cid onlyHash(ContentSource content) {
    return add(content, false, true, n -> {}).cid();
  }

  private AddResult add(
      ContentSource content, boolean pin, boolean onlyHash, LongConsumer progress) {
    Objects.requireNonNull(content, "content must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    String query =
        "cid-version=1&raw-leaves=true&hash=sha2-256&chunker=size-"
            + UnixFsFileBuilder.DEFAULT_CHUNK_SIZE
            + "&trickle=false&wrap-with-directory=false&progress=false&pin="
            + pin
            + (onlyHash ? "&only-hash=true" : "");
    return withRetries(
        "add",
        true,
        () -> {
          // a fresh computation per subscription, in case the HTTP client reads the body twice
          AtomicReference<UnixFsFileBuilder> localRef = new AtomicReference<>();
          String boundary = "datamint-" + HexFormat.of().formatHex(randomBytes(12));
          byte[] head =
              ("--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"content\"\r\n"
                      + "Content-Type: application/octet-stream\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII);
          byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
          HttpRequest.BodyPublisher body =
              HttpRequest.BodyPublishers.ofInputStream(
                  () -> {
                    UnixFsFileBuilder local = new UnixFsFileBuilder();
                    localRef.set(local);
                    try {
                      return new SequenceInputStream(
                          Collections.enumeration(
                              List.of(
                                  new ByteArrayInputStream(head),
                                  new Teeing(content.open(), local, progress),
                                  new ByteArrayInputStream(tail))));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          long length = content.length();
          if (length >= 0) {
            body =
                HttpRequest.BodyPublishers.fromPublisher(body, head.length + length + tail.length);
          }
          Duration timeout =
              config.requestTimeout().plusSeconds(Math.max(0, length) / config.addBytesPerSecond());
          HttpRequest request =
              HttpRequest.newBuilder(uri("add", query))
                  .timeout(timeout)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(body)
                  .build();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          JsonNode result = lastJsonLine(checkStatus("add", response));
          if (!result.hasNonNull("Hash")) {
            throw new KuboException(
                Failure.REFUSED,
                "Kubo's add answered without a CID: " + abbreviate(response.body()));
          }
          Cid reported = Cid.of(result.get("Hash").asText());
          UnixFsFileBuilder local = localRef.get();
          Cid computed = local.finish();
          if (length >= 0 && local.size() != length) {
            throw new KuboException(
                Failure.REFUSED,
                "the content source gave "
                    + local.size()
                    + " bytes, not the "
                    + length
                    + " it announced");
          }
          if (!reported.equals(computed)) {
            throw new KuboException(
                Failure.CID_MISMATCH,
                "Kubo reported "
                    + reported
                    + " for "
                    + local.size()
                    + " bytes whose CID is "
                    + computed
                    + ": the node's import settings differ or bytes were altered in transit");
          }
          return new AddResult(reported, local.size());
        });
  }

  // --- read ---

  /** The file's bytes as a stream; the caller closes it. */
  public InputStream cat(Cid cid) {
    return cat(cid, 0, Long.MAX_VALUE);
  }

  /**
   * At most {@code length} bytes of the file from {@code offset} on ({@link Long#MAX_VALUE}: to the
   * end); Kubo reads only the blocks of the range. The caller closes the stream.
   */
  public InputStream cat(Cid cid, long offset, long length) {
    Objects.requireNonNull(cid, "cid must not be null");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    String range =
        (offset > 0 ? "&offset=" + offset : "")
            + (length < Long.MAX_VALUE ? "&length=" + length : "");
    return withRetries(
        "cat",
        true,
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(uri("cat", "arg=" + enc(cid.value()) + range + LOCAL_ONLY))
                  .timeout(config.requestTimeout())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build();
          HttpResponse<InputStream> response =
              http.send(request, HttpResponse.BodyHandlers.ofInputStream());
          if (response.statusCode() != 200) {
            String text;
            try (InputStream in = response.body()) {
              text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            throw error("cat", response.statusCode(), text);
          }
          return response.body();
        });
  }

  public FileStat stat(Cid cid) {
    JsonNode n = call("files/stat", "arg=" + enc("/ipfs/" + cid.value()) + LOCAL_ONLY, true);
    return new FileStat(
        n.path("Size").asLong(),
        n.path("CumulativeSize").asLong(),
        n.path("Blocks").asInt(),
        n.path("Type").asText());
  }

  /** Size of the single block {@code cid} names. */
  public long blockSize(Cid cid) {
    return call("block/stat", "arg=" + enc(cid.value()) + LOCAL_ONLY, true).path("Size").asLong();
  }

  // --- pins ---

  /** Pins recursively; pinning what is already pinned is a no-op. */
  public void pinAdd(Cid cid) {
    call("pin/add", "arg=" + enc(cid.value()) + "&recursive=true&progress=false", true);
  }

  /** Removes a recursive pin; removing a pin that is not there is a no-op. */
  public void pinRm(Cid cid) {
    try {
      call("pin/rm", "arg=" + enc(cid.value()) + "&recursive=true", true);
    } catch (KuboException e) {
      if (e.failure() != Failure.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** Every CID pinned recursively on the node. */
  public Set<Cid> pinLs() {
    JsonNode keys = call("pin/ls", "type=recursive", true).path("Keys");
    Set<Cid> out = new LinkedHashSet<>();
    keys.fieldNames().forEachRemaining(k -> out.add(Cid.of(k)));
    return out;
  }

  public boolean isPinned(Cid cid) {
    try {
      JsonNode keys =
          call("pin/ls", "arg=" + enc(cid.value()) + "&type=recursive", true).path("Keys");
      return keys.size() > 0;
    } catch (KuboException e) {
      if (e.failure() == Failure.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  // --- plumbing ---

  private JsonNode call(String command, String query, boolean idempotent) {
    return withRetries(
        command,
        idempotent,
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(uri(command, query))
                  .timeout(config.requestTimeout())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          return lastJsonLine(checkStatus(command, response));
        });
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws IOException, InterruptedException;
  }

  private <T> T withRetries(String command, boolean idempotent, Attempt<T> attempt) {
    int attempts = idempotent ? config.maxAttempts() : 1;
    Duration backoff = config.initialBackoff();
    KuboException last = null;
    for (int i = 1; i <= attempts; i++) {
      try {
        return attempt.run();
      } catch (KuboException e) {
        if (!isRetryable(e)) {
          throw e;
        }
        last = e;
      } catch (HttpConnectTimeoutException | ConnectException e) {
        last = unreachable(command, e);
      } catch (HttpTimeoutException e) {
        last =
            new KuboException(
                Failure.TIMEOUT,
                "Kubo did not answer " + command + " in time at " + config.api(),
                e);
      } catch (java.io.UncheckedIOException e) {
        last =
            new KuboException(
                Failure.REFUSED,
                "could not read the content to " + command + ": " + e.getMessage(),
                e);
        throw last;
      } catch (IOException e) {
        last = unreachable(command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KuboException(Failure.UNAVAILABLE, command + " was interrupted", e);
      }
      if (i < attempts) {
        LOG.warn(
            "Kubo {} failed (attempt {}/{}), retrying in {} ms: {}",
            command,
            i,
            attempts,
            backoff.toMillis(),
            last.getMessage());
        sleep(backoff.plusMillis(RANDOM.nextInt((int) Math.max(1, backoff.toMillis() / 4) + 1)));
        backoff = backoff.multipliedBy(2);
      }
    }
    throw last;
  }

  private static boolean isRetryable(KuboException e) {
    return e.failure() == Failure.UNAVAILABLE || e.failure() == Failure.TIMEOUT;
  }

  private KuboException unreachable(String command, IOException e) {
    return new KuboException(
        Failure.UNAVAILABLE,
        "Kubo is not reachable at "
            + config.api()
            + " ("
            + command
            + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "); is the IPFS daemon running? (./datamint start ipfs)",
        e);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KuboException(Failure.UNAVAILABLE, "interrupted while waiting to retry", e);
    }
  }

  private String checkStatus(String command, HttpResponse<String> response) {
    if (response.statusCode() == 200) {
      return response.body();
    }
    throw error(command, response.statusCode(), response.body());
  }

  private KuboException error(String command, int status, String body) {
    if (status == 502 || status == 503 || status == 504) {
      return new KuboException(
          Failure.UNAVAILABLE, "Kubo's " + command + " answered " + status + " at " + config.api());
    }
    String message = body;
    try {
      JsonNode n = json.readTree(body);
      if (n != null && n.hasNonNull("Message")) {
        message = n.get("Message").asText();
      }
    } catch (IOException e) {
      // not JSON: keep the raw text
    }
    message = abbreviate(message);
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    Failure f =
        lower.contains("not pinned")
                || lower.contains("not found")
                || lower.contains("no link named")
            ? Failure.NOT_FOUND
            : status == 404 ? Failure.NOT_FOUND : Failure.REFUSED;
    return new KuboException(f, "Kubo's " + command + " failed (" + status + "): " + message);
  }

  private JsonNode lastJsonLine(String body) throws IOException {
    String trimmed = body.strip();
    int nl = trimmed.lastIndexOf('\n');
    String last = nl < 0 ? trimmed : trimmed.substring(nl + 1);
    return last.isEmpty() ? json.createObjectNode() : json.readTree(last);
  }

  private URI uri(String command, String query) {
    return URI.create(config.api() + "/api/v0/" + command + (query.isEmpty() ? "" : "?" + query));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    String c = String.valueOf(s).replaceAll("\\p{Cntrl}", " ").strip();
    return c.length() <= 300 ? c : c.substring(0, 300) + "…";
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Passes bytes through while feeding the local CID computation and the progress listener. */
  private static final class Teeing extends FilterInputStream {
    private final UnixFsFileBuilder local;
    private final LongConsumer progress;
    private long sent;
    private long reported;

    Teeing(InputStream in, UnixFsFileBuilder local, LongConsumer progress) {
      super(in);
      this.local = local;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        local.update(b, off, n);
        sent += n;
        if (sent - reported >= (1 << 20)) {
          reported = sent;
          progress.accept(sent);
        }
      } else if (n < 0 && reported != sent) {
        reported = sent;
        progress.accept(sent);
      }
      return n;
    }
  }
}
