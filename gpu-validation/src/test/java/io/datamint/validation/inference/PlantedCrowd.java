package io.datamint.validation.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small crowds with a planted truth, built labeler by labeler. */
final class PlantedCrowd {

  /** How a labeler answers, given the true class. */
  interface Behaviour {
    int answer(int truth, int classes, Random random);
  }

  static Behaviour accurate(double accuracy) {
    return (truth, classes, random) ->
        random.nextDouble() < accuracy
            ? truth
            : (truth + 1 + random.nextInt(classes - 1)) % classes;
  }

  static Behaviour random() {
    return (truth, classes, random) -> random.nextInt(classes);
  }

  /** Systematically wrong: always names the next class. */
  static Behaviour adversarial() {
    return (truth, classes, random) -> (truth + 1) % classes;
  }

  private final int classes;
  private final int[] truth;
  private final Random random;
  private final List<String[]> annotations = new ArrayList<>();

  PlantedCrowd(int items, int classes, long seed) {
    this.classes = classes;
    this.random = new Random(seed);
    this.truth = new int[items];
    for (int i = 0; i < items; i++) {
      truth[i] = random.nextInt(classes);
    }
  }

  /** The labeler labels a random share of the items (1.0: all of them). */
  PlantedCrowd labeler(String name, Behaviour behaviour, double share) {
    for (int i = 0; i < truth.length; i++) {
      if (random.nextDouble() < share) {
        annotations.add(
            new String[] {item(i), name, label(behaviour.answer(truth[i], classes, random))});
      }
    }
    return this;
  }

  /** The labeler labels exactly these items. */
  PlantedCrowd labelerOn(String name, Behaviour behaviour, int... items) {
    for (int i : items) {
      annotations.add(
          new String[] {item(i), name, label(behaviour.answer(truth[i], classes, random))});
    }
    return this;
  }

  Crowd.Builder builder() {
    Crowd.Builder b = Crowd.builder();
    for (int k = 0; k < classes; k++) {
      b.labelClass(label(k));
    }
    annotations.forEach(a -> b.annotation(a[0], a[1], a[2]));
    return b;
  }

  Crowd build() {
    return builder().build();
  }

  int truth(int item) {
    return truth[item];
  }

  int items() {
    return truth.length;
  }

  static String item(int i) {
    return String.format("item-%04d", i);
  }

  static String label(int k) {
    return "class-" + k;
  }

  /** Share of items whose consensus is the planted class. */
  double accuracy(InferenceResult r) {
    Crowd c = r.crowd();
    int right = 0;
    for (int i = 0; i < c.itemCount(); i++) {
      int planted = truth[Integer.parseInt(c.itemKey(i).substring(5))];
      right += c.className(r.consensus(i)).equals(label(planted)) ? 1 : 0;
    }
    return (double) right / c.itemCount();
  }

  static int labelerIndex(Crowd c, String name) {
    for (int j = 0; j < c.labelerCount(); j++) {
      if (c.labelerKey(j).equals(name)) {
        return j;
      }
    }
    throw new IllegalArgumentException("no labeler " + name);
  }
}
