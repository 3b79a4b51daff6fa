package io.datamint.webapp.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the systems the application talks to live. Every value comes from MicroProfile Config, so
 * the environment ({@code DATAMINT_IPFS_API}, ...) decides, with local-stack defaults.
 */
@ApplicationScoped
public class StackEndpoints {

  @Inject
  @ConfigProperty(name = "datamint.ipfs.api", defaultValue = "http://127.0.0.1:5001")
  String ipfsApi;

  /** Where people's browsers read clear IPFS documents (metadata, previews). */
  @Inject
  @ConfigProperty(name = "datamint.ipfs.gateway", defaultValue = "http://127.0.0.1:8081")
  String ipfsGateway;

  @Inject
  @ConfigProperty(name = "datamint.chain.rpc", defaultValue = "http://127.0.0.1:8545")
  String chainRpc;

  @Inject
  @ConfigProperty(
      name = "datamint.oidc.provider",
      defaultValue = "http://localhost:8180/realms/datamint")
  String oidcProvider;

  public URI ipfsApi() {
    return URI.create(ipfsApi);
  }

  public URI ipfsGateway() {
    return URI.create(ipfsGateway);
  }

  public URI chainRpc() {
    return URI.create(chainRpc);
  }

  public URI oidcProvider() {
    return URI.create(oidcProvider);
  }
}
