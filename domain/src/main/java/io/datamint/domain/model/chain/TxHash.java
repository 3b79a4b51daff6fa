package io.datamint.domain.model.chain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The hash of a transaction: {@code 0x} and 64 hex digits, kept in lower case. */
public record TxHash(String value) {

  private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

  public TxHash {
    Objects.requireNonNull(value, "transaction hash must not be null");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!HASH.matcher(value).matches()) {
      throw new IllegalArgumentException("not a transaction hash (0x and 64 hex digits): " + value);
    }
  }

  public static TxHash of(String value) {
    return new TxHash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
