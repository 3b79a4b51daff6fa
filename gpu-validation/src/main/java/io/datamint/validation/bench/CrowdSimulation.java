package io.datamint.validation.bench;

import io.datamint.validation.inference.Crowd;
import io.datamint.validation.inference.InferenceResult;
import io.datamint.validation.inference.MajorityVote;
import io.datamint.validation.inference.TruthInference;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Simulated crowds of several shapes, many seeds each, to compare the methods beyond one real
 * dataset: dense and sparse, binary and multi-class, with spammers, adversaries and labelers who
 * confuse neighbouring classes. Only agreement is simulated (no text).
 */
final class CrowdSimulation {

  /** One shape of crowd. */
  record Shape(
      String name,
      int items,
      int classes,
      int labelsPerItem,
      int labelers,
      double spammers,
      double adversaries,
      boolean neighbourConfusion) {}

  static final Shape[] SHAPES = {
    new Shape(
        "binary, dense: 500 items x 5 labels, 50 labelers, 20% spammers",
        500, 2, 5, 50, 0.2, 0, false),
    new Shape(
        "binary, adversaries: 500 x 5, 50 labelers, 10% spam, 10% adversarial",
        500, 2, 5, 50, 0.1, 0.1, false),
    new Shape(
        "3 classes, sparse: 1,000 x 3 labels, 300 labelers (~10 labels each)",
        1000,
        3,
        3,
        300,
        0.2,
        0,
        false),
    new Shape(
        "5 ordinal classes, neighbour confusion: 600 x 4, 60 labelers",
        600,
        5,
        4,
        60,
        0.1,
        0,
        true),
  };

  private CrowdSimulation() {}

  /** Mean consensus accuracy of {majority vote (ties split), plain DS, ours} over the seeds. */
  static double[] compare(Shape shape, int seeds) {
    double[] sum = new double[3];
    for (int seed = 1; seed <= seeds; seed++) {
      Random random = new Random(seed * 7919L);
      int[] truth = new int[shape.items()];
      Crowd.Builder b = Crowd.builder();
      for (int k = 0; k < shape.classes(); k++) {
        b.labelClass("c" + k);
      }
      double[] accuracy = new double[shape.labelers()];
      int[] kind = new int[shape.labelers()]; // 0 normal, 1 spammer, 2 adversary
      for (int j = 0; j < shape.labelers(); j++) {
        double u = random.nextDouble();
        kind[j] = u < shape.spammers() ? 1 : u < shape.spammers() + shape.adversaries() ? 2 : 0;
        accuracy[j] = 0.65 + 0.3 * random.nextDouble();
      }
      for (int i = 0; i < shape.items(); i++) {
        // Unbalanced classes, as in most real campaigns.
        truth[i] = random.nextDouble() < 0.4 ? 0 : random.nextInt(shape.classes());
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < shape.labelsPerItem()) {
          chosen.add(random.nextInt(shape.labelers()));
        }
        for (int j : chosen) {
          b.annotation(
              "i" + i, "w" + j, "c" + answer(shape, kind[j], accuracy[j], truth[i], random));
        }
      }
      Crowd crowd = b.build();
      int[] t = new int[crowd.itemCount()];
      for (int i = 0; i < t.length; i++) {
        t[i] = truth[Integer.parseInt(crowd.itemKey(i).substring(1))];
      }
      sum[0] += MajorityVote.expectedAccuracy(crowd, t);
      sum[1] +=
          accuracy(new TruthInference(TruthInference.Options.plainDawidSkene()).infer(crowd), t);
      sum[2] += accuracy(new TruthInference().infer(crowd), t);
    }
    for (int m = 0; m < 3; m++) {
      sum[m] /= seeds;
    }
    return sum;
  }

  private static int answer(Shape shape, int kind, double accuracy, int truth, Random random) {
    int k = shape.classes();
    if (kind == 1) {
      return random.nextInt(k);
    }
    if (kind == 2) {
      return (truth + 1) % k;
    }
    if (random.nextDouble() < accuracy) {
      return truth;
    }
    if (shape.neighbourConfusion()) {
      int step = random.nextBoolean() ? 1 : -1;
      int neighbour = truth + step;
      return neighbour < 0 || neighbour >= k ? truth - step : neighbour;
    }
    return (truth + 1 + random.nextInt(k - 1)) % k;
  }

  private static double accuracy(InferenceResult r, int[] truth) {
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      right += r.consensus(i) == truth[i] ? 1 : 0;
    }
    return (double) right / truth.length;
  }
}
