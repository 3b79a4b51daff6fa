package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A custodial wallet's key pair: its address and the 32-byte private key. The key bytes are copied
 * in and out so that no caller can change them behind the wallet's back, and {@link #toString()}
 * never prints them, so a key cannot leak into a log line by accident.
 */
public final class WalletKey {

  /** secp256k1 private keys are 256-bit scalars. */
  public static final int PRIVATE_KEY_LENGTH = 32;

  private final WalletAddress address;
  private final byte[] privateKey;

  public WalletKey(WalletAddress address, byte[] privateKey) {
    this.address = Objects.requireNonNull(address, "address must not be null");
    Objects.requireNonNull(privateKey, "private key must not be null");
    if (privateKey.length != PRIVATE_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "private key must be " + PRIVATE_KEY_LENGTH + " bytes, was " + privateKey.length);
    }
    this.privateKey = privateKey.clone();
  }

  public WalletAddress address() {
    return address;
  }

  /** A copy of the private key; the caller should encrypt it and wipe its copy after use. */
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WalletKey that
        && address.equals(that.address)
        && MessageDigest.isEqual(privateKey, that.privateKey);
  }

  @Override
  public int hashCode() {
    return 31 * address.hashCode() + Arrays.hashCode(privateKey);
  }

  @Override
  public String toString() {
    return "WalletKey[address=" + address + ", privateKey=<hidden>]";
  }
}
