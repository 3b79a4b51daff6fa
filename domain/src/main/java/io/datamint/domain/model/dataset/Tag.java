package io.datamint.domain.model.dataset;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A catalog tag: lower case, short, letters, digits and dashes, so that search can match it. */
public record Tag(String value) {

  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,31}");

  public Tag {
    Objects.requireNonNull(value, "tag must not be null");
    value = value.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
    if (!TAG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "tag '" + value + "' must have 1 to 32 letters, digits or dashes");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
