package io.datamint.domain.model.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Ethereum-style account address. Kept in lower case so that equality never depends on how a
 * caller happened to spell the EIP-55 checksum.
 */
public record WalletAddress(String value) {

  private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

  public WalletAddress {
    Objects.requireNonNull(value, "wallet address must not be null");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!HEX_ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException("not a wallet address (0x followed by 40 hex digits)");
    }
  }

  public static WalletAddress of(String value) {
    return new WalletAddress(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
