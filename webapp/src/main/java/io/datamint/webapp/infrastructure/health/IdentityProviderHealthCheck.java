package io.datamint.webapp.infrastructure.health;

import io.datamint.webapp.infrastructure.config.StackEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Keycloak serves the realm's discovery document, without which nobody can sign in. */
@Readiness
@ApplicationScoped
public class IdentityProviderHealthCheck implements HealthCheck {

  @Inject StackEndpoints endpoints;

  @Override
  public HealthCheckResponse call() {
    URI uri = URI.create(endpoints.oidcProvider() + "/.well-known/openid-configuration");
    return Probe.check("identity-provider", uri, Probe.request(uri).GET().build());
  }
}
