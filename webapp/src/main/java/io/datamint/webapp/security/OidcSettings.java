package io.datamint.webapp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect client settings, named so that the mechanism definition can read them through
 * expressions ({@code ${oidcSettings.providerUri}}) instead of compile-time constants.
 */
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(
      name = "datamint.oidc.provider",
      defaultValue = "http://localhost:8180/realms/datamint")
  String providerUri;

  @Inject
  @ConfigProperty(name = "datamint.oidc.client-id", defaultValue = "datamint-web")
  String clientId;

  @Inject
  @ConfigProperty(name = "datamint.oidc.client-secret", defaultValue = "datamint-web-secret")
  String clientSecret;

  public String getProviderUri() {
    return providerUri;
  }

  public String getClientId() {
    return clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  /** Where the provider ends the single sign-on session. */
  public String getEndSessionUri() {
    return providerUri + "/protocol/openid-connect/logout";
  }
}
