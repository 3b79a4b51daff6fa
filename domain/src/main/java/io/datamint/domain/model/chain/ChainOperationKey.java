package io.datamint.domain.model.chain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one intended chain operation, such as {@code mint:dataset:42} or {@code
 * campaign:claim:<campaign>:<wallet>:3}. The same key always means the same transaction: a retry
 * with a key that was already recorded looks the recorded transaction up instead of sending a new
 * one, which is what keeps a crash or a retry from paying twice.
 */
public record ChainOperationKey(String value) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:._\\-]{1,200}");

  public ChainOperationKey {
    Objects.requireNonNull(value, "operation key must not be null");
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an operation key is 1-200 characters of letters, digits and : . _ -, got: " + value);
    }
  }

  public static ChainOperationKey of(String first, Object... more) {
    StringBuilder key = new StringBuilder(first);
    for (Object part : more) {
      key.append(':').append(part);
    }
    return new ChainOperationKey(key.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
