package io.datamint.domain.model.shared;

/**
 * Encrypts small secrets under the platform's master key, so that a stolen database alone reveals
 * no wallet or data key. The context binds a sealed secret to its purpose (e.g. "wallet:{id}"): a
 * secret sealed for one purpose does not open for another.
 */
public interface SecretSealer {

  SealedSecret seal(byte[] secret, String context);

  /**
   * @throws IllegalStateException if the secret was not sealed by this master key for this context
   */
  byte[] open(SealedSecret sealed, String context);
}
