package io.datamint.pipeline.pii;

import java.math.BigInteger;
import java.util.Map;

/** The check digits that tell a real card number or IBAN from a number that looks like one. */
public final class Checksums {

  /** IBAN lengths per country (ISO 13616 registry), for the countries we expect most. */
  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("AE", 23),
          Map.entry("SA", 24),
          Map.entry("BR", 29),
          Map.entry("IL", 23));

  private Checksums() {}

  /** Luhn mod-10 over a string of digits. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** A Luhn-valid number with the length and prefix of a major card scheme. */
  public static boolean isPaymentCard(String digits) {
    int n = digits.length();
    if (n < 13 || n > 19 || !luhn(digits)) {
      return false;
    }
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    boolean visa = digits.charAt(0) == '4' && (n == 13 || n == 16 || n == 19);
    boolean master = ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16;
    boolean amex = (p2 == 34 || p2 == 37) && n == 15;
    boolean discover = (p4 == 6011 || p2 == 65) && n >= 16;
    boolean jcb = p4 >= 3528 && p4 <= 3589 && n >= 16;
    boolean diners = (p2 == 36 || p2 == 38) && n == 14;
    return visa || master || amex || discover || jcb || diners;
  }

  /** ISO 13616: country length (where known) and mod-97 of the rearranged number equals 1. */
  public static boolean isIban(String iban) {
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    Integer expected = IBAN_LENGTHS.get(iban.substring(0, 2));
    if (expected != null && expected != iban.length()) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        numeric.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        numeric.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
