package io.datamint.webapp.infrastructure.health;

import io.datamint.webapp.infrastructure.config.StackEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The chain's JSON-RPC endpoint answers {@code eth_chainId}. */
@Readiness
@ApplicationScoped
public class ChainHealthCheck implements HealthCheck {

  private static final String CHAIN_ID_CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  @Inject StackEndpoints endpoints;

  @Override
  public HealthCheckResponse call() {
    URI uri = endpoints.chainRpc();
    return Probe.check(
        "chain",
        uri,
        Probe.request(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID_CALL))
            .build());
  }
}
