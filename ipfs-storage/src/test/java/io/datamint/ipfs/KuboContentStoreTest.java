package io.datamint.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import io.datamint.ipfs.unixfs.UnixFsFileBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store leaves behind when Kubo fails half-way, against a fake Kubo. */
class KuboContentStoreTest {

  private final byte[] data = "some bytes".getBytes(StandardCharsets.UTF_8);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private Cid cid;

  @BeforeEach
  void start() throws IOException {
    UnixFsFileBuilder b = new UnixFsFileBuilder();
    b.update(data, 0, data.length);
    cid = b.finish();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v0/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          String path = ex.getRequestURI().getPath();
          calls.add(path);
          int status = 200;
          String body;
          if (path.equals("/api/v0/add")) {
            body = "{\"Hash\":\"" + cid + "\"}";
          } else if (path.endsWith("/pin/add")) {
            status = 500;
            body = "{\"Message\":\"repo is full\"}";
          } else {
            body = "{}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status, bytes.length);
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
  void failedPinLeavesNoLedgerRecordAndNoPin() {
    KuboClient kubo =
        new KuboClient(
            KuboConfig.of("http://127.0.0.1:" + server.getAddress().getPort())
                .withRetries(1, Duration.ofMillis(1)));
    InMemoryPinLedger ledger = new InMemoryPinLedger();
    KuboContentStore store = new KuboContentStore(kubo, ledger);

    assertThatThrownBy(
            () -> store.store(ContentSource.ofBytes(data), "dataset:1:v1:content", n -> {}))
        .isInstanceOf(ContentStoreException.class)
        .hasMessageContaining("repo is full");

    assertThat(ledger.heldCids()).isEmpty();
    assertThat(calls).containsExactly("/api/v0/add", "/api/v0/pin/add", "/api/v0/pin/rm");
  }
}
