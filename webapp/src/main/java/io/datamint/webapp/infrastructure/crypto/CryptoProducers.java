package io.datamint.webapp.infrastructure.crypto;

import io.datamint.chain.wallet.Web3jWalletKeyFactory;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.pipeline.crypto.AesGcmKeyWrapper;
import io.datamint.pipeline.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's keys. The master key comes from configuration ({@code DATAMINT_MASTER_KEY}), never
 * from the database, under an id stored beside every key it wraps (data keys and custodial wallet
 * keys alike) so that it can be rotated.
 */
@ApplicationScoped
public class CryptoProducers {

  @Inject
  @ConfigProperty(name = "datamint.master-key", defaultValue = " ")
  String masterKey;

  @Inject
  @ConfigProperty(name = "datamint.master-key.id", defaultValue = "master-1")
  String masterKeyId;

  // jakarta.inject.Singleton: MasterKey is a final class, which CDI cannot proxy; it is immutable.
  @Produces
  @Singleton
  MasterKey masterKey() {
    if (masterKey.isBlank()) {
      throw new IllegalStateException(
          "datamint.master-key is not configured (base64 of 32 random bytes); "
              + "./datamint run generates one in var/secrets/master.key");
    }
    return MasterKey.fromBase64(masterKeyId, masterKey);
  }

  @Produces
  @ApplicationScoped
  KeyWrapper keyWrapper(MasterKey master) {
    return new AesGcmKeyWrapper(master);
  }

  @Produces
  @ApplicationScoped
  WalletKeyFactory walletKeyFactory() {
    return new Web3jWalletKeyFactory();
  }
}
