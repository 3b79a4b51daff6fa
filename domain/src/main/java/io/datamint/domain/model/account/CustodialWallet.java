package io.datamint.domain.model.account;

import io.datamint.domain.model.shared.SealedSecret;
import io.datamint.domain.model.shared.WalletAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The wallet the platform keeps for a person: its public address and its private key, sealed with
 * the master key. The sealed bytes are useless without that key, so they may sit in the database
 * and in backups; they never appear in a page or a log.
 */
@Embeddable
public class CustodialWallet {

  @Column(name = "wallet_address", nullable = false, length = 42, unique = true)
  private String address;

  @Column(name = "wallet_sealed_key", nullable = false)
  private byte[] sealedKey;

  protected CustodialWallet() {
    // for JPA
  }

  public CustodialWallet(WalletAddress address, SealedSecret sealedKey) {
    this.address = Objects.requireNonNull(address, "wallet address must not be null").value();
    this.sealedKey = Objects.requireNonNull(sealedKey, "sealed key must not be null").bytes();
  }

  public WalletAddress address() {
    return WalletAddress.of(address);
  }

  public SealedSecret sealedKey() {
    return new SealedSecret(sealedKey);
  }
}
