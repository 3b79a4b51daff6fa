package io.datamint.domain.model.dataset;

import java.util.Objects;

/**
 * Identity of an item inside a dataset version: the first 64 bits of the SHA-256 of the item's
 * bytes and its ordinal, e.g. {@code 3f2a9c0d11e4b7a8-000042}. The same file always yields the same
 * ids (labels survive a re-inspection), and duplicates stay distinct by their ordinal.
 */
public record ItemId(String value) {

  public ItemId {
    Objects.requireNonNull(value, "item id must not be null");
    if (!isItemId(value)) {
      throw new IllegalArgumentException("not an item id: " + value);
    }
  }

  public static ItemId of(ContentHash itemHash, long ordinal) {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must not be negative");
    }
    String digits = Long.toString(ordinal);
    StringBuilder b = new StringBuilder(24).append(itemHash.sha256Hex(), 0, 16).append('-');
    for (int i = digits.length(); i < 6; i++) {
      b.append('0');
    }
    return new ItemId(b.append(digits).toString());
  }

  // checked by hand: the inspector makes one id per item, millions per file
  private static boolean isItemId(String v) {
    if (v.length() < 23 || v.length() > 40 || v.charAt(16) != '-') {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok =
          i < 16
              ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
              : i == 16 || (c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public long ordinal() {
    return Long.parseLong(value.substring(17));
  }

  @Override
  public String toString() {
    return value;
  }
}
