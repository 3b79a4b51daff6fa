package io.datamint.webapp.infrastructure.health;

import io.datamint.webapp.infrastructure.config.StackEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Kubo answers its RPC API ({@code /api/v0/version}; the RPC API accepts POST only). */
@Readiness
@ApplicationScoped
public class IpfsHealthCheck implements HealthCheck {

  @Inject StackEndpoints endpoints;

  @Override
  public HealthCheckResponse call() {
    URI uri = endpoints.ipfsApi().resolve("/api/v0/version");
    return Probe.check(
        "ipfs", uri, Probe.request(uri).POST(HttpRequest.BodyPublishers.noBody()).build());
  }
}
