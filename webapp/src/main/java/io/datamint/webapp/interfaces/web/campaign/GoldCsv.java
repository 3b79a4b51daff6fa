package io.datamint.webapp.interfaces.web.campaign;

import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.dataset.ItemId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gold answers as a contributor writes them: a small CSV of {@code item_id,label}, one item per
 * line, an optional header, blank lines ignored; in a multi-label campaign the label field lists
 * labels separated by {@code |}. Every problem is reported with its line (1 = the first line of the
 * file), so a wrong file is fixed in one go rather than one error at a time.
 */
public final class GoldCsv {

  /** Far more than anyone writes by hand; a larger file is a mistake. */
  public static final int MAX_CHARS = 1 << 20;

  /** A well-formed line: the item and its answer, checked against the schema. */
  public record Line(int number, ItemId item, List<String> answer) {}

  /** What is wrong on a line. */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** The lines read and the problems found; gold only when there are no problems. */
  public record Parsed(List<Line> lines, List<Problem> problems) {

    public Parsed {
      lines = List.copyOf(lines);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    public List<GoldItem> gold() {
      return lines.stream().map(l -> new GoldItem(l.item(), l.answer())).toList();
    }

    public List<ItemId> items() {
      return lines.stream().map(Line::item).toList();
    }

    /** The same, with a problem for every line whose item is among {@code missing}. */
    public Parsed withMissing(Set<ItemId> missing) {
      if (missing.isEmpty()) {
        return this;
      }
      List<Problem> all = new ArrayList<>(problems);
      for (Line line : lines) {
        if (missing.contains(line.item())) {
          all.add(
              new Problem(
                  line.number(), "item " + line.item() + " is not an item of this version"));
        }
      }
      all.sort(java.util.Comparator.comparingInt(Problem::line));
      return new Parsed(lines, all);
    }
  }

  private GoldCsv() {}

  public static Parsed parse(String text, LabelSchema schema) {
    List<Line> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (text.length() > MAX_CHARS) {
      problems.add(new Problem(1, "the file is larger than " + MAX_CHARS / 1024 + " KiB"));
      return new Parsed(lines, problems);
    }
    Map<ItemId, Integer> seen = new HashMap<>();
    String[] rows = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < rows.length; i++) {
      int number = i + 1;
      String row = i == 0 ? stripBom(rows[i]) : rows[i];
      if (row.isBlank()) {
        continue;
      }
      List<String> fields = fields(row);
      if (fields == null) {
        problems.add(new Problem(number, "an unterminated quote"));
        continue;
      }
      if (lines.isEmpty() && problems.isEmpty() && isHeader(fields)) {
        continue;
      }
      if (fields.size() != 2) {
        problems.add(
            new Problem(
                number,
                "expected 2 fields (item_id,label), found "
                    + fields.size()
                    + (schema.mode() == LabelMode.MULTI && fields.size() > 2
                        ? "; separate several labels with |"
                        : "")));
        continue;
      }
      ItemId item;
      try {
        item = new ItemId(fields.get(0).strip());
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                number,
                "\""
                    + fields.get(0).strip()
                    + "\" is not an item id (16 hex digits, a dash, the ordinal)"));
        continue;
      }
      List<String> answer;
      try {
        answer = schema.check(Arrays.asList(fields.get(1).split("\\|", -1)));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(number, e.getMessage()));
        continue;
      }
      Integer first = seen.putIfAbsent(item, number);
      if (first != null) {
        problems.add(new Problem(number, "item " + item + " is already on line " + first));
        continue;
      }
      lines.add(new Line(number, item, answer));
    }
    return new Parsed(lines, problems);
  }

  private static String stripBom(String row) {
    return row.startsWith("\uFEFF") ? row.substring(1) : row;
  }

  private static boolean isHeader(List<String> fields) {
    return fields.size() == 2
        && fields.get(0).strip().equalsIgnoreCase("item_id")
        && fields.get(1).strip().toLowerCase(java.util.Locale.ROOT).startsWith("label");
  }

  /** The fields of one CSV row (RFC 4180 quoting); null when a quote is not closed. */
  private static List<String> fields(String row) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
