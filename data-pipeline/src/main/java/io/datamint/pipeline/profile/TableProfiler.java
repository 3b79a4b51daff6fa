package io.datamint.pipeline.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.pipeline.pii.PersonalDataScanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles records as they stream by: columns in order of first appearance, the type and counts of
 * each, the label distribution of the first label-named column, and personal data in every text
 * value. Not thread-safe: one per inspection.
 */
public final class TableProfiler {

  private final int distinctCap;
  private final int labelCap;
  private final int maxColumns;
  private final PersonalDataScanner pii;
  private final List<ColumnAccumulator> columns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private long rows;

  public TableProfiler(int distinctCap, int labelCap, int maxColumns, PersonalDataScanner pii) {
    this.distinctCap = distinctCap;
    this.labelCap = labelCap;
    this.maxColumns = maxColumns;
    this.pii = pii;
  }

  /**
   * The index of the named column, added when new.
   *
   * @return -1 when the column would exceed the column limit
   */
  public int column(String name) {
    Integer i = index.get(name);
    if (i != null) {
      return i;
    }
    if (columns.size() >= maxColumns) {
      return -1;
    }
    int n = columns.size();
    columns.add(new ColumnAccumulator(name, n, distinctCap, labelCap));
    index.put(name, n);
    return n;
  }

  /** A text value (CSV, file names): missing when blank, else typed by inference. */
  public void text(int column, String text) {
    if (ValueTypes.isMissing(text)) {
      return;
    }
    pii.scan(text);
    columns.get(column).add(text, ValueTypes.infer(text));
  }

  /** A value whose type is known (image width, a label taken from a folder). */
  public void typed(int column, String text, ColumnType type) {
    columns.get(column).add(text, type);
  }

  /** A JSON value: null is missing; JSON's own types win over inference except for dates. */
  public void json(int column, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    ColumnType type;
    String text;
    if (node.isTextual()) {
      text = node.textValue();
      if (ValueTypes.isMissing(text)) {
        return;
      }
      pii.scan(text);
      ColumnType inferred = ValueTypes.infer(text);
      type =
          inferred == ColumnType.DATE || inferred == ColumnType.TIMESTAMP
              ? inferred
              : ColumnType.STRING;
    } else if (node.isBoolean()) {
      text = node.asText();
      type = ColumnType.BOOLEAN;
    } else if (node.isIntegralNumber()) {
      text = node.asText();
      type = ColumnType.INTEGER;
    } else if (node.isNumber()) {
      text = node.asText();
      type = ColumnType.DECIMAL;
    } else {
      text = node.toString();
      pii.scan(text);
      type = ColumnType.NESTED;
    }
    columns.get(column).add(text, type);
  }

  public void endRow() {
    rows++;
  }

  public long rows() {
    return rows;
  }

  public List<ColumnProfile> columns() {
    List<ColumnProfile> out = new ArrayList<>(columns.size());
    for (ColumnAccumulator c : columns) {
      out.add(c.profile(rows));
    }
    return out;
  }

  /** The first column named like a label whose values are few enough to be classes. */
  public Optional<String> labelColumn() {
    return columns.stream()
        .filter(ColumnAccumulator::isLabelCandidate)
        .filter(c -> !c.labelCounts().isEmpty())
        .map(c -> c.name)
        .findFirst();
  }

  /** Items per label value, most frequent first. */
  public Map<String, Long> labelDistribution() {
    return labelColumn()
        .map(name -> sorted(columns.get(index.get(name)).labelCounts()))
        .orElse(Map.of());
  }

  static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
