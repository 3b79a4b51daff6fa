package io.datamint.webapp.infrastructure.crypto;

import io.datamint.chain.wallet.Web3jWalletKeyFactory;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the adapters behind the domain's key ports. */
@ApplicationScoped
public class CryptoProducers {

  @Inject
  @ConfigProperty(name = "datamint.master-key", defaultValue = " ")
  String masterKey;

  @Produces
  @ApplicationScoped
  SecretSealer secretSealer() {
    return AesGcmSecretSealer.fromBase64(masterKey);
  }

  @Produces
  @ApplicationScoped
  WalletKeyFactory walletKeyFactory() {
    return new Web3jWalletKeyFactory();
  }
}
