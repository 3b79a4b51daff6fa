package io.datamint.pipeline.pii;

import io.datamint.domain.model.dataset.PersonalDataKind;

/**
 * Masked forms that show what kind of datum was found and little else: {@code j***@e***.com},
 * {@code **** **** **** 4242}, {@code DE** **** **** **** **30 00}, {@code +** *** *** **67}.
 */
public final class Masking {

  private Masking() {}

  public static String mask(PersonalDataKind kind, String value) {
    return switch (kind) {
      case EMAIL_ADDRESS -> email(value);
      case PAYMENT_CARD -> keepLastDigits(value, 4);
      case IBAN -> iban(value);
      case PHONE_NUMBER -> keepLastDigits(value, 2);
      case GEOLOCATION -> value;
    };
  }

  /**
   * A position rounded to whole degrees (about 100 km): says that a photo is located, not where.
   */
  public static String position(double latitude, double longitude) {
    return String.format(
        java.util.Locale.ROOT,
        "GPS ~%d°%s ~%d°%s",
        Math.round(Math.abs(latitude)),
        latitude >= 0 ? "N" : "S",
        Math.round(Math.abs(longitude)),
        longitude >= 0 ? "E" : "W");
  }

  private static String email(String value) {
    int at = value.indexOf('@');
    int dot = value.lastIndexOf('.');
    String local = value.substring(0, at);
    String domain = value.substring(at + 1, dot);
    return local.charAt(0) + "***@" + domain.charAt(0) + "***" + value.substring(dot);
  }

  /** Every digit but the last {@code keep} becomes '*'; separators stay. */
  private static String keepLastDigits(String value, int keep) {
    int total = PersonalDataScanner.digitsOf(value).length();
    StringBuilder b = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        seen++;
        b.append(seen > total - keep ? c : '*');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String iban(String value) {
    StringBuilder b = new StringBuilder(value.length());
    int alnum = 0;
    int total = value.replace(" ", "").length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ') {
        b.append(c);
        continue;
      }
      alnum++;
      b.append(alnum <= 2 || alnum > total - 4 ? c : '*');
    }
    return b.toString();
  }
}
