package io.datamint.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation against a fake Kubo that keeps a pin set (the real node is shared with other
 * suites during development, so orphan removal is not exercised on it).
 */
class PinReconcilerTest {

  private static final Cid A =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
  private static final Cid B =
      Cid.of("bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  private static final Cid C =
      Cid.of("bafkreibbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

  private HttpServer server;
  private final Set<String> pins = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v0/pin/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String query = ex.getRequestURI().getRawQuery();
          String arg = null;
          for (String p : query.split("&")) {
            if (p.startsWith("arg=")) {
              arg = URLDecoder.decode(p.substring(4), StandardCharsets.UTF_8);
            }
          }
          String body;
          if (path.endsWith("/ls")) {
            StringBuilder b = new StringBuilder("{\"Keys\":{");
            String sep = "";
            for (String p : pins) {
              b.append(sep).append('"').append(p).append("\":{\"Type\":\"recursive\"}");
              sep = ",";
            }
            body = b.append("}}").toString();
          } else if (path.endsWith("/add")) {
            pins.add(arg);
            body = "{\"Pins\":[\"" + arg + "\"]}";
          } else {
            pins.remove(arg);
            body = "{\"Pins\":[\"" + arg + "\"]}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void orphansAreUnpinnedAndMissingPinsRestored() {
    KuboClient kubo =
        new KuboClient(
            KuboConfig.of("http://127.0.0.1:" + server.getAddress().getPort())
                .withRetries(1, Duration.ofMillis(1)));
    InMemoryPinLedger ledger = new InMemoryPinLedger();
    pins.add(A.value()); // recorded and pinned
    pins.add(B.value()); // pinned, no record: orphan
    ledger.pinConfirmed(A, "dataset:1:v1:content");
    ledger.pinRequested(C, "dataset:2:v1:content"); // recorded, crash before the pin

    PinReconciler.Result r = new PinReconciler(kubo, ledger).reconcile();

    assertThat(r.orphansUnpinned()).containsExactly(B);
    assertThat(r.repinned()).containsExactly(C);
    assertThat(r.failed()).isEmpty();
    assertThat(pins).containsExactlyInAnyOrder(A.value(), C.value());
  }
}
