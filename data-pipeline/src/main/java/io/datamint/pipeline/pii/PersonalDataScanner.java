package io.datamint.pipeline.pii;

import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.PersonalDataKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts personal data in the text values of a dataset and keeps a few masked examples. Not
 * thread-safe: one scanner per inspection.
 *
 * <p>Cheap guards run before any regular expression (an {@code @} for e-mail, enough digits for the
 * numeric kinds), because most values of most datasets contain none and a gigabyte of values passes
 * through here. Checksums (Luhn, mod-97) weed out numbers that merely look like cards or IBANs.
 */
public final class PersonalDataScanner {

  static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}(?![\\w-])");
  static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
  static final Pattern IBAN =
      Pattern.compile(
          "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])");
  static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}"
              + "|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}"
              + "|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![\\w])");

  private final Map<PersonalDataKind, Long> counts = new EnumMap<>(PersonalDataKind.class);
  private final Map<PersonalDataKind, Set<String>> examples = new EnumMap<>(PersonalDataKind.class);

  /** Scans one value and counts what it finds. */
  public void scan(String text) {
    if (text == null || text.length() < 6) {
      return;
    }
    process(text, true, null);
  }

  /** Counts a finding made outside text, e.g. a GPS position in image metadata. */
  public void record(PersonalDataKind kind, String maskedExample) {
    counts.merge(kind, 1L, Long::sum);
    Set<String> ex = examples.computeIfAbsent(kind, k -> new LinkedHashSet<>());
    if (ex.size() < PersonalDataFlag.MAX_EXAMPLES) {
      ex.add(maskedExample);
    }
  }

  /** The text with every personal datum replaced by its masked form; does not count. */
  public String mask(String text) {
    if (text == null || text.length() < 6) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    process(text, false, out);
    return out.toString();
  }

  public List<PersonalDataFlag> flags() {
    List<PersonalDataFlag> flags = new ArrayList<>();
    for (Map.Entry<PersonalDataKind, Long> e : counts.entrySet()) {
      flags.add(
          new PersonalDataFlag(
              e.getKey(), e.getValue(), new ArrayList<>(examples.get(e.getKey()))));
    }
    return flags;
  }

  /** Finds matches in text; counts them or masks them into {@code out} (same length). */
  private void process(String text, boolean count, StringBuilder out) {
    int digits = 0;
    boolean at = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      }
    }
    if (!at && digits < 9) {
      return;
    }
    // spans already claimed by a more specific kind, so that a card is not also a phone
    boolean[] claimed = new boolean[text.length()];
    if (at) {
      find(EMAIL, text, PersonalDataKind.EMAIL_ADDRESS, count, out, claimed);
    }
    if (digits >= 13) {
      find(CARD, text, PersonalDataKind.PAYMENT_CARD, count, out, claimed);
    }
    if (digits >= 2 && text.length() >= 15) {
      find(IBAN, text, PersonalDataKind.IBAN, count, out, claimed);
    }
    if (digits >= 9) {
      find(PHONE, text, PersonalDataKind.PHONE_NUMBER, count, out, claimed);
    }
  }

  private void find(
      Pattern p,
      String text,
      PersonalDataKind kind,
      boolean count,
      StringBuilder out,
      boolean[] claimed) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      if (isClaimed(claimed, s, e)) {
        continue;
      }
      String match = m.group();
      if (!valid(kind, match)) {
        continue;
      }
      for (int i = s; i < e; i++) {
        claimed[i] = true;
      }
      String masked = Masking.mask(kind, match);
      if (count) {
        counts.merge(kind, 1L, Long::sum);
        Set<String> ex = examples.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        if (ex.size() < PersonalDataFlag.MAX_EXAMPLES) {
          ex.add(masked);
        }
      }
      if (out != null) {
        // masked forms are padded or cut to the match's length so later offsets stay valid
        String fitted =
            masked.length() >= match.length()
                ? masked.substring(0, match.length())
                : masked + "*".repeat(match.length() - masked.length());
        out.replace(s, e, fitted);
      }
    }
  }

  private static boolean isClaimed(boolean[] claimed, int s, int e) {
    for (int i = s; i < e; i++) {
      if (claimed[i]) {
        return true;
      }
    }
    return false;
  }

  static boolean valid(PersonalDataKind kind, String match) {
    return switch (kind) {
      case EMAIL_ADDRESS -> true;
      case PAYMENT_CARD -> Checksums.isPaymentCard(digitsOf(match));
      case IBAN -> Checksums.isIban(match.replace(" ", ""));
      case PHONE_NUMBER -> {
        int n = digitsOf(match).length();
        yield n >= 9 && n <= 15;
      }
      case GEOLOCATION -> false;
    };
  }

  static String digitsOf(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
