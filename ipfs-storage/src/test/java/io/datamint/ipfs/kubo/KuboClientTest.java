package io.datamint.ipfs.kubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.domain.model.dataset.ContentStoreException.Failure;
import io.datamint.ipfs.unixfs.UnixFsFileBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a tiny local HTTP server that plays Kubo, well or badly. */
class KuboClientTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile Handler handler;

  interface Handler {
    void handle(HttpExchange ex, byte[] body) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v0/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
          if (!ex.getRequestMethod().equals("POST")) {
            reply(ex, 405, "{\"Message\":\"method not allowed\"}");
            return;
          }
          handler.handle(ex, body);
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private KuboClient client() {
    return new KuboClient(
        KuboConfig.of("http://127.0.0.1:" + server.getAddress().getPort())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
            .withRetries(3, Duration.ofMillis(10)));
  }

  static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Test
  void versionIsAskedWithPost() {
    handler = (ex, body) -> reply(ex, 200, "{\"Version\":\"0.43.1\",\"Commit\":\"\"}");
    assertThat(client().version()).isEqualTo("0.43.1");
    assertThat(requests).containsExactly("POST /api/v0/version");
  }

  @Test
  void kuboDownIsUnavailableWithAHintAfterRetries() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KuboClient down =
        new KuboClient(
            KuboConfig.of("http://127.0.0.1:" + port).withRetries(2, Duration.ofMillis(5)));
    assertThatThrownBy(down::version)
        .isInstanceOf(ContentStoreException.class)
        .hasMessageContaining("not reachable at http://127.0.0.1:" + port)
        .hasMessageContaining("is the IPFS daemon running")
        .satisfies(
            e -> assertThat(((ContentStoreException) e).failure()).isEqualTo(Failure.UNAVAILABLE))
        .satisfies(e -> assertThat(((ContentStoreException) e).isTransient()).isTrue());
  }

  @Test
  void unavailableAnswersAreRetriedWithBackoff() {
    AtomicInteger calls = new AtomicInteger();
    handler =
        (ex, body) -> {
          if (calls.incrementAndGet() < 3) {
            reply(ex, 503, "busy");
          } else {
            reply(ex, 200, "{\"Version\":\"0.43.1\"}");
          }
        };
    assertThat(client().version()).isEqualTo("0.43.1");
    assertThat(calls).hasValue(3);
  }

  @Test
  void refusalIsNotRetriedAndCarriesKubosMessage() {
    handler =
        (ex, body) ->
            reply(
                ex,
                500,
                "{\"Message\":\"invalid path \\\"x\\\": not a CID\",\"Code\":0,\"Type\":\"error\"}");
    assertThatThrownBy(
            () ->
                client()
                    .pinAdd(Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")))
        .isInstanceOf(KuboException.class)
        .hasMessageContaining("pin/add")
        .hasMessageContaining("not a CID")
        .satisfies(e -> assertThat(((KuboException) e).failure()).isEqualTo(Failure.REFUSED));
    assertThat(requests).hasSize(1);
  }

  @Test
  void slowAnswerTimesOutAndIsRetried() {
    handler =
        (ex, body) -> {
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(ex, 200, "{}");
        };
    assertThatThrownBy(() -> client().id())
        .isInstanceOf(KuboException.class)
        .hasMessageContaining("did not answer id in time")
        .satisfies(e -> assertThat(((KuboException) e).failure()).isEqualTo(Failure.TIMEOUT));
    assertThat(requests).hasSize(3);
  }

  @Test
  void addStreamsMultipartWithLengthAndChecksTheCid() {
    byte[] data = new byte[600_000];
    new Random(1).nextBytes(data);
    UnixFsFileBuilder expected = new UnixFsFileBuilder();
    expected.update(data, 0, data.length);
    Cid cid = expected.finish();
    List<String> contentLengths = new CopyOnWriteArrayList<>();
    handler =
        (ex, body) -> {
          contentLengths.add(ex.getRequestHeaders().getFirst("Content-Length"));
          assertThat(ex.getRequestHeaders().getFirst("Content-Type"))
              .startsWith("multipart/form-data; boundary=");
          String text = new String(body, StandardCharsets.ISO_8859_1);
          assertThat(text).contains("name=\"file\"");
          assertThat(text).contains(new String(data, StandardCharsets.ISO_8859_1));
          reply(ex, 200, "{\"Name\":\"content\",\"Hash\":\"" + cid + "\",\"Size\":\"600100\"}\n");
        };
    List<Long> progress = new CopyOnWriteArrayList<>();
    AddResult r = client().add(ContentSource.ofBytes(data), false, progress::add);
    assertThat(r.cid()).isEqualTo(cid);
    assertThat(r.bytes()).isEqualTo(data.length);
    assertThat(progress).last().isEqualTo((long) data.length);
    assertThat(requests.get(0))
        .contains("cid-version=1")
        .contains("raw-leaves=true")
        .contains("chunker=size-262144")
        .contains("pin=false");
    assertThat(contentLengths.get(0)).isNotNull();
    assertThat(Long.parseLong(contentLengths.get(0))).isGreaterThan(data.length);
  }

  @Test
  void cidThatDoesNotMatchTheBytesSentIsRejected() {
    handler =
        (ex, body) ->
            reply(
                ex,
                200,
                "{\"Hash\":\"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\"}");
    assertThatThrownBy(() -> client().add(ContentSource.ofBytes("hello".getBytes()), true, n -> {}))
        .isInstanceOf(KuboException.class)
        .hasMessageContaining("whose CID is")
        .satisfies(e -> assertThat(((KuboException) e).failure()).isEqualTo(Failure.CID_MISMATCH));
  }

  @Test
  void removingAPinThatIsNotThereIsANoOp() {
    handler = (ex, body) -> reply(ex, 500, "{\"Message\":\"not pinned or pinned indirectly\"}");
    client().pinRm(Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"));
    assertThat(requests).hasSize(1);
  }

  @Test
  void pinListIsParsed() {
    handler =
        (ex, body) ->
            reply(
                ex,
                200,
                "{\"Keys\":{\"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\":{\"Type\":\"recursive\"}}}");
    assertThat(client().pinLs())
        .containsExactly(Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"));
  }
}
