package io.datamint.validation.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The labels of one batch, indexed densely for the EM: items, labelers and classes become ints.
 * Built once through {@link Builder}; immutable afterwards.
 */
public final class Crowd {

  private final List<String> itemKeys;
  private final List<String> labelerKeys;
  private final List<String> classNames;
  private final int[] annotationItem;
  private final int[] annotationLabeler;
  private final int[] annotationClass;
  private final int[] gold;
  private final int[][] annotationsByItem;
  private final int[] labelCountByLabeler;

  private Crowd(
      List<String> itemKeys,
      List<String> labelerKeys,
      List<String> classNames,
      int[] annotationItem,
      int[] annotationLabeler,
      int[] annotationClass,
      int[] gold) {
    this.itemKeys = List.copyOf(itemKeys);
    this.labelerKeys = List.copyOf(labelerKeys);
    this.classNames = List.copyOf(classNames);
    this.annotationItem = annotationItem;
    this.annotationLabeler = annotationLabeler;
    this.annotationClass = annotationClass;
    this.gold = gold;
    int[] perItem = new int[itemKeys.size()];
    labelCountByLabeler = new int[labelerKeys.size()];
    for (int a = 0; a < annotationItem.length; a++) {
      perItem[annotationItem[a]]++;
      labelCountByLabeler[annotationLabeler[a]]++;
    }
    annotationsByItem = new int[itemKeys.size()][];
    for (int i = 0; i < perItem.length; i++) {
      annotationsByItem[i] = new int[perItem[i]];
    }
    int[] fill = new int[itemKeys.size()];
    for (int a = 0; a < annotationItem.length; a++) {
      int i = annotationItem[a];
      annotationsByItem[i][fill[i]++] = a;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int itemCount() {
    return itemKeys.size();
  }

  public int labelerCount() {
    return labelerKeys.size();
  }

  public int classCount() {
    return classNames.size();
  }

  public int annotationCount() {
    return annotationItem.length;
  }

  public String itemKey(int item) {
    return itemKeys.get(item);
  }

  public String labelerKey(int labeler) {
    return labelerKeys.get(labeler);
  }

  public String className(int classIndex) {
    return classNames.get(classIndex);
  }

  public List<String> classNames() {
    return classNames;
  }

  public int item(int annotation) {
    return annotationItem[annotation];
  }

  public int labeler(int annotation) {
    return annotationLabeler[annotation];
  }

  public int label(int annotation) {
    return annotationClass[annotation];
  }

  /** The gold class of the item, or -1 when none is known. */
  public int gold(int item) {
    return gold[item];
  }

  public boolean hasGold() {
    return Arrays.stream(gold).anyMatch(g -> g >= 0);
  }

  /** Indices of the annotations on one item. Do not modify the array. */
  int[] annotationsOf(int item) {
    return annotationsByItem[item];
  }

  public int labelCount(int labeler) {
    return labelCountByLabeler[labeler];
  }

  /** Collects annotations and gold answers keyed by strings, then numbers them. */
  public static final class Builder {
    private final Map<String, Integer> items = new LinkedHashMap<>();
    private final Map<String, Integer> labelers = new LinkedHashMap<>();
    private final List<String[]> annotations = new ArrayList<>();
    private final Map<String, String> goldAnswers = new HashMap<>();
    private final TreeSet<String> declaredClasses = new TreeSet<>();

    private Builder() {}

    public Builder annotation(String itemKey, String labelerKey, String label) {
      requireText(itemKey, "item key");
      requireText(labelerKey, "labeler key");
      requireText(label, "label");
      items.computeIfAbsent(itemKey, k -> items.size());
      labelers.computeIfAbsent(labelerKey, k -> labelers.size());
      annotations.add(new String[] {itemKey, labelerKey, label});
      return this;
    }

    /** Declares the gold answer of an item; an item with gold but no labels is ignored. */
    public Builder gold(String itemKey, String label) {
      requireText(itemKey, "item key");
      requireText(label, "gold label");
      goldAnswers.put(itemKey, label);
      return this;
    }

    /** Declares a class that may not appear in the labels (e.g. from the campaign's schema). */
    public Builder labelClass(String label) {
      requireText(label, "class");
      declaredClasses.add(label);
      return this;
    }

    public Crowd build() {
      if (annotations.isEmpty()) {
        throw new IllegalArgumentException("a crowd needs at least one annotation");
      }
      // Sorted class names keep the numbering, and so every tie-break, independent of input order.
      TreeSet<String> classSet = new TreeSet<>(declaredClasses);
      annotations.forEach(a -> classSet.add(a[2]));
      goldAnswers.forEach(
          (item, label) -> {
            if (items.containsKey(item)) {
              classSet.add(label);
            }
          });
      List<String> classes = new ArrayList<>(classSet);
      Map<String, Integer> classIndex = new HashMap<>();
      for (int k = 0; k < classes.size(); k++) {
        classIndex.put(classes.get(k), k);
      }
      int n = annotations.size();
      int[] ai = new int[n];
      int[] al = new int[n];
      int[] ac = new int[n];
      for (int a = 0; a < n; a++) {
        String[] row = annotations.get(a);
        ai[a] = items.get(row[0]);
        al[a] = labelers.get(row[1]);
        ac[a] = classIndex.get(row[2]);
      }
      int[] goldIndex = new int[items.size()];
      Arrays.fill(goldIndex, -1);
      goldAnswers.forEach(
          (item, label) -> {
            Integer i = items.get(item);
            if (i != null) {
              goldIndex[i] = classIndex.get(label);
            }
          });
      return new Crowd(
          new ArrayList<>(items.keySet()),
          new ArrayList<>(labelers.keySet()),
          classes,
          ai,
          al,
          ac,
          goldIndex);
    }

    private static void requireText(String value, String what) {
      Objects.requireNonNull(value, what + " must not be null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
    }
  }
}
