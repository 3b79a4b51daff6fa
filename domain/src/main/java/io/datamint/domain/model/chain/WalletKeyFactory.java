package io.datamint.domain.model.chain;

/**
 * Creates custodial wallets: a fresh key pair whose private key the platform keeps (encrypted) on
 * behalf of a user who has no wallet of their own, and derives the address of a key it already
 * holds.
 */
public interface WalletKeyFactory {

  /** A new key pair from a cryptographically strong random source. */
  WalletKey create();

  /**
   * The key pair for a private key the platform already holds, e.g. after decrypting it.
   *
   * @throws IllegalArgumentException if the bytes are not a valid private key
   */
  WalletKey restore(byte[] privateKey);
}
