package io.datamint.domain.model.account;

import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.shared.WrappedKey;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The wallet the platform keeps for a person: its public address and its private key, wrapped by
 * the master key (whose id is kept beside it, so the master key can be rotated). The wrapped bytes
 * are useless without that key, so they may sit in the database and in backups; they never appear
 * in a page or a log.
 */
@Embeddable
public class CustodialWallet {

  @Column(name = "wallet_address", nullable = false, length = 42, unique = true)
  private String address;

  @Column(name = "wallet_key_master_id", nullable = false, length = 64)
  private String masterKeyId;

  @Column(name = "wallet_sealed_key", nullable = false)
  private byte[] wrappedKey;

  protected CustodialWallet() {
    // for JPA
  }

  public CustodialWallet(WalletAddress address, WrappedKey key) {
    this.address = Objects.requireNonNull(address, "wallet address must not be null").value();
    Objects.requireNonNull(key, "wrapped key must not be null");
    this.masterKeyId = key.masterKeyId();
    this.wrappedKey = key.ciphertext();
  }

  public WalletAddress address() {
    return WalletAddress.of(address);
  }

  public WrappedKey wrappedKey() {
    return new WrappedKey(masterKeyId, wrappedKey);
  }
}
