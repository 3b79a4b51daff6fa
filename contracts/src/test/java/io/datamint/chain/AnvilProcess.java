package io.datamint.chain;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private anvil for one test class, on a free port. The binary comes from {@code ANVIL_BIN}, else
 * from the local stack's tools folder ({@code DATAMINT_TOOLS}, default {@code ~/.datamint/tools}).
 * There is no fallback that skips: without anvil the ITs fail and say why.
 */
public final class AnvilProcess implements AutoCloseable {

  /** anvil's development keys 0-3 (publicly known, local chains only). */
  public static final List<String> KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private AnvilProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static AnvilProcess start() throws IOException, InterruptedException {
    Path binary = locate();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--chain-id",
                "31337",
                "--silent")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    AnvilProcess anvil = new AnvilProcess(process, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited with " + process.exitValue());
      }
      try {
        anvil.rpc("eth_chainId", "[]");
        return anvil;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    anvil.close();
    throw new IllegalStateException("anvil did not answer on port " + port + " within 20 s");
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A raw JSON-RPC call; returns the response body. */
  public String rpc(String method, String params) throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  /** {@code evm_snapshot}: the snapshot id. */
  public String snapshot() throws IOException, InterruptedException {
    String body = rpc("evm_snapshot", "[]");
    return body.replaceAll(".*\"result\":\"([^\"]+)\".*", "$1");
  }

  public void revert(String snapshot) throws IOException, InterruptedException {
    String body = rpc("evm_revert", "[\"" + snapshot + "\"]");
    if (!body.contains("\"result\":true")) {
      throw new IllegalStateException("evm_revert failed: " + body);
    }
  }

  public void mine(int blocks) throws IOException, InterruptedException {
    rpc("anvil_mine", "[\"0x" + Integer.toHexString(blocks) + "\"]");
  }

  public void increaseTime(long seconds) throws IOException, InterruptedException {
    rpc("evm_increaseTime", "[" + seconds + "]");
    mine(1);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Path locate() throws IOException {
    String explicit = System.getenv("ANVIL_BIN");
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException("ANVIL_BIN=" + explicit + " is not an executable file");
      }
      return path;
    }
    String tools = System.getenv("DATAMINT_TOOLS");
    if (tools == null || tools.isBlank()) {
      tools = System.getenv("DATAMINT_TOOLS_DEFAULT");
    }
    if (tools == null || tools.isBlank()) {
      tools = System.getProperty("user.home") + "/.datamint/tools";
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of(tools, "bin", "anvil"));
    Path toolsDir = Path.of(tools);
    if (Files.isDirectory(toolsDir)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(toolsDir, "anvil-*")) {
        for (Path dir : dirs) {
          candidates.add(dir.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
        }
      }
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "anvil not found: set ANVIL_BIN, or install the local stack's tools (./datamint"
            + " provisions them into "
            + tools
            + "); looked at "
            + candidates);
  }
}
