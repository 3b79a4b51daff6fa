package io.datamint.webapp.interfaces.web.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of a bar chart, in the order shown: bucketing of the dashboard's counts (labels per
 * item, agreement, label fates) into named bars, with each bar's share of the total and of the
 * largest bar (its length).
 */
public record Bars(List<Bar> bars) {

  /** One bar: what it counts, how many. */
  public record Bar(String key, String label, long count) {

    public Bar {
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(label, "label must not be null");
      if (count < 0) {
        throw new IllegalArgumentException("a bar counts something: " + count);
      }
    }
  }

  public Bars {
    bars = List.copyOf(bars);
  }

  /**
   * Items per number of labels, one bar for each n from 0 to k even when no item has n labels (a
   * gap is information), e.g. "0 labels", "1 label", "2 labels".
   */
  public static Bars labelsPerItem(List<Long> itemsByLabelCount, int k) {
    List<Bar> bars = new ArrayList<>();
    int last = Math.max(k, itemsByLabelCount.size() - 1);
    for (int n = 0; n <= last; n++) {
      long count = n < itemsByLabelCount.size() ? itemsByLabelCount.get(n) : 0;
      bars.add(new Bar(Integer.toString(n), n + (n == 1 ? " label" : " labels"), count));
    }
    return new Bars(bars);
  }

  /**
   * Complete items by how many of their k labels give the most common answer, from full agreement
   * (k of k) down to 1 of k; the empty bucket 0 (no labels) cannot hold a complete item and is left
   * out.
   */
  public static Bars agreement(List<Long> itemsByMajority, int k) {
    List<Bar> bars = new ArrayList<>();
    int last = Math.max(k, itemsByMajority.size() - 1);
    for (int n = last; n >= 1; n--) {
      long count = n < itemsByMajority.size() ? itemsByMajority.get(n) : 0;
      bars.add(new Bar(Integer.toString(n), n + " of " + k + " agree", count));
    }
    return new Bars(bars);
  }

  /** One bar per entry, in the map's order (e.g. the label schema's). */
  public static Bars of(Map<String, Long> counts) {
    List<Bar> bars = new ArrayList<>();
    counts.forEach((key, count) -> bars.add(new Bar(key, key, count)));
    return new Bars(bars);
  }

  public long total() {
    return bars.stream().mapToLong(Bar::count).sum();
  }

  public long max() {
    return bars.stream().mapToLong(Bar::count).max().orElse(0);
  }

  /** The bar's share of the total, 0 to 1 (0 when there is nothing). */
  public double share(Bar bar) {
    long total = total();
    return total == 0 ? 0 : (double) bar.count() / total;
  }

  /** The bar's length relative to the largest bar, 0 to 1. */
  public double length(Bar bar) {
    long max = max();
    return max == 0 ? 0 : (double) bar.count() / max;
  }
}
