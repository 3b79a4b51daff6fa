package io.datamint.pipeline.profile;

import io.datamint.domain.model.dataset.ColumnType;
import java.util.regex.Pattern;

/** Infers the type of one text value and joins types across values of a column. */
public final class ValueTypes {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][+-]?\\d{1,3})?");
  private static final Pattern DATE =
      Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");

  private ValueTypes() {}

  /** A missing value: empty or blank. */
  public static boolean isMissing(String text) {
    return text == null || text.isBlank();
  }

  /** The narrowest type of a non-missing text value. */
  public static ColumnType infer(String text) {
    String t = text.strip();
    int n = t.length();
    if (n == 0) {
      return ColumnType.EMPTY;
    }
    char c = t.charAt(0);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      if (n <= 19 && isInteger(t)) {
        return ColumnType.INTEGER;
      }
      if (DECIMAL.matcher(t).matches()) {
        return ColumnType.DECIMAL;
      }
      if (n == 10 && DATE.matcher(t).matches()) {
        return ColumnType.DATE;
      }
      if (n >= 16 && TIMESTAMP.matcher(t).matches()) {
        return ColumnType.TIMESTAMP;
      }
      return ColumnType.STRING;
    }
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return ColumnType.BOOLEAN;
    }
    return ColumnType.STRING;
  }

  // by hand: the most common value type, checked for every value of every numeric column
  private static boolean isInteger(String t) {
    int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    if (i == t.length()) {
      return false;
    }
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The narrowest type both values fit. */
  public static ColumnType join(ColumnType a, ColumnType b) {
    if (a == b || b == ColumnType.EMPTY) {
      return a;
    }
    if (a == ColumnType.EMPTY) {
      return b;
    }
    if (isNumber(a) && isNumber(b)) {
      return ColumnType.DECIMAL;
    }
    if (isTime(a) && isTime(b)) {
      return ColumnType.TIMESTAMP;
    }
    return ColumnType.STRING;
  }

  private static boolean isNumber(ColumnType t) {
    return t == ColumnType.INTEGER || t == ColumnType.DECIMAL;
  }

  private static boolean isTime(ColumnType t) {
    return t == ColumnType.DATE || t == ColumnType.TIMESTAMP;
  }
}
