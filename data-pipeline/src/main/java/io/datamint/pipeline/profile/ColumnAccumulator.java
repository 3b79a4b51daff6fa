package io.datamint.pipeline.profile;

import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Statistics of one column while records stream by. Distinct values are remembered as 64-bit hashes
 * up to a cap, so memory stays bounded whatever the column holds.
 */
final class ColumnAccumulator {

  private static final Set<String> LABEL_NAMES =
      Set.of(
          "label", "labels", "class", "category", "target", "y", "sentiment", "tag", "annotation");

  final String name;
  final int position;
  private final int distinctCap;
  private final int labelCap;
  private ColumnType type = ColumnType.EMPTY;
  private long present;
  private final Set<Long> distinct = new HashSet<>();
  private boolean capped;
  private Map<String, Long> labels;
  private boolean tooManyLabels;

  ColumnAccumulator(String name, int position, int distinctCap, int labelCap) {
    this.name = name;
    this.position = position;
    this.distinctCap = distinctCap;
    this.labelCap = labelCap;
    if (LABEL_NAMES.contains(name.strip().toLowerCase(Locale.ROOT))) {
      labels = new LinkedHashMap<>();
    }
  }

  boolean isLabelCandidate() {
    return labels != null && !tooManyLabels;
  }

  /** A non-missing value of the given type; {@code text} is its canonical text. */
  void add(String text, ColumnType valueType) {
    present++;
    type = ValueTypes.join(type, valueType);
    if (!capped) {
      distinct.add(hash64(text));
      if (distinct.size() > distinctCap) {
        capped = true;
        distinct.clear();
      }
    }
    if (labels != null && !tooManyLabels) {
      labels.merge(text.strip(), 1L, Long::sum);
      if (labels.size() > labelCap) {
        tooManyLabels = true;
        labels = Map.of();
      }
    }
  }

  ColumnProfile profile(long rows) {
    long d = capped ? distinctCap : distinct.size();
    return new ColumnProfile(position, name, type, rows - present, d, capped);
  }

  Map<String, Long> labelCounts() {
    return labels == null ? Map.of() : labels;
  }

  /** FNV-1a over the UTF-8 bytes, then a mixing step; collisions only make the count low. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
