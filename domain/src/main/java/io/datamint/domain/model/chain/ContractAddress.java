package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;

/**
 * The address of a deployed contract. Same syntax as a {@link WalletAddress}, a different meaning:
 * nobody holds a key for it, and paying it is not paying a person.
 */
public record ContractAddress(WalletAddress address) {

  public ContractAddress {
    Objects.requireNonNull(address, "contract address must not be null");
  }

  public static ContractAddress of(String value) {
    return new ContractAddress(WalletAddress.of(value));
  }

  public String value() {
    return address.value();
  }

  @Override
  public String toString() {
    return address.value();
  }
}
