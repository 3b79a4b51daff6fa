package io.datamint.validation.inference;

import static io.datamint.validation.inference.PlantedCrowd.accurate;
import static io.datamint.validation.inference.PlantedCrowd.adversarial;
import static io.datamint.validation.inference.PlantedCrowd.labelerIndex;
import static io.datamint.validation.inference.PlantedCrowd.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruthInferenceTest {

  private final TruthInference inference = new TruthInference();

  private static PlantedCrowd threeKindsOfLabeler(int classes, long seed) {
    return new PlantedCrowd(200, classes, seed)
        .labeler("crowd-1", accurate(0.8), 0.7)
        .labeler("crowd-2", accurate(0.75), 0.7)
        .labeler("crowd-3", accurate(0.85), 0.7)
        .labeler("crowd-4", accurate(0.7), 0.7)
        .labeler("reliable", accurate(0.95), 0.5)
        .labeler("random", random(), 0.5)
        .labeler("adversarial", adversarial(), 0.5);
  }

  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 4})
  void ranksReliableAboveRandomAboveAdversarial(int classes) {
    PlantedCrowd planted = threeKindsOfLabeler(classes, 7);
    InferenceResult r = inference.infer(planted.build());
    Crowd c = r.crowd();

    double reliable = r.reliability(labelerIndex(c, "reliable"));
    double random = r.reliability(labelerIndex(c, "random"));
    double adversarial = r.reliability(labelerIndex(c, "adversarial"));

    assertThat(reliable).isGreaterThan(0.85);
    assertThat(random).isBetween(1.0 / classes - 0.15, 1.0 / classes + 0.15);
    assertThat(adversarial).isLessThan(0.15);
    assertThat(planted.accuracy(r)).isGreaterThan(0.9);
  }

  @ParameterizedTest(name = "{0} classes")
  @ValueSource(ints = {2, 4})
  void labelQualityIsHighForRightLabelsAndLowForWrongOnes(int classes) {
    PlantedCrowd planted = threeKindsOfLabeler(classes, 11);
    InferenceResult r = inference.infer(planted.build());
    Crowd c = r.crowd();
    double right = 0;
    double wrong = 0;
    int rights = 0;
    int wrongs = 0;
    for (int a = 0; a < c.annotationCount(); a++) {
      int planted_ = planted.truth(Integer.parseInt(c.itemKey(c.item(a)).substring(5)));
      boolean isRight = c.className(c.label(a)).equals(PlantedCrowd.label(planted_));
      if (isRight) {
        right += r.quality(a);
        rights++;
      } else {
        wrong += r.quality(a);
        wrongs++;
      }
    }
    assertThat(right / rights).isGreaterThan(0.85);
    assertThat(wrong / wrongs).isLessThan(0.15);
  }

  @Test
  void beatsMajorityVoteWhenSpammersOutnumberTheGoodLabelers() {
    PlantedCrowd planted =
        new PlantedCrowd(300, 3, 3)
            .labeler("good-1", accurate(0.9), 1.0)
            .labeler("good-2", accurate(0.85), 1.0)
            .labeler("spam-1", random(), 1.0)
            .labeler("spam-2", random(), 1.0)
            .labeler("spam-3", random(), 1.0);
    Crowd crowd = planted.build();
    int[] truth =
        IntStream.range(0, crowd.itemCount())
            .map(i -> planted.truth(Integer.parseInt(crowd.itemKey(i).substring(5))))
            .toArray();

    double ours = planted.accuracy(inference.infer(crowd));

    assertThat(ours).isGreaterThan(MajorityVote.expectedAccuracy(crowd, truth) + 0.1);
  }

  @Test
  void prolificSpammersDoNotDragTheOccasionalLabelersTowardChance() {
    // Three coin-flippers label every item; forty careful labelers a few items each. Pooled label
    // counts would make the average labeler half a coin-flipper; the fitted prior does not.
    PlantedCrowd planted =
        new PlantedCrowd(300, 2, 29)
            .labeler("spam-1", random(), 1.0)
            .labeler("spam-2", random(), 1.0)
            .labeler("spam-3", random(), 1.0);
    for (int j = 0; j < 40; j++) {
      planted.labeler("careful-" + j, accurate(0.85), 0.05);
    }
    Crowd crowd = planted.build();

    InferenceResult r = inference.infer(crowd);

    double careful = 0;
    for (int j = 0; j < 40; j++) {
      careful += r.reliability(labelerIndex(crowd, "careful-" + j)) / 40;
    }
    double spam = r.reliability(labelerIndex(crowd, "spam-1"));
    assertThat(careful).isGreaterThan(0.75);
    assertThat(spam).isLessThan(0.6);
  }

  @Test
  void labelerWithTwoLabelsIsJudgedNearTheCrowdAverageInsteadOfAnExtreme() {
    PlantedCrowd planted =
        new PlantedCrowd(150, 2, 5)
            .labeler("a", accurate(0.85), 1.0)
            .labeler("b", accurate(0.8), 1.0)
            .labeler("c", accurate(0.9), 1.0)
            .labelerOn("newcomer", adversarial(), 3, 4);
    Crowd crowd = planted.build();
    int newcomer = labelerIndex(crowd, "newcomer");

    double shrunk = inference.infer(crowd).reliability(newcomer);
    double plain =
        new TruthInference(TruthInference.Options.plainDawidSkene())
            .infer(crowd)
            .reliability(newcomer);

    // Two wrong answers are weak evidence: plain Dawid–Skene calls the newcomer always wrong,
    // the shrunk estimate stays near the crowd's, a little below it.
    InferenceResult r = inference.infer(crowd);
    double crowdAverage =
        (r.reliability(labelerIndex(crowd, "a"))
                + r.reliability(labelerIndex(crowd, "b"))
                + r.reliability(labelerIndex(crowd, "c")))
            / 3;
    assertThat(plain).isLessThan(0.05);
    assertThat(shrunk).isBetween(0.5, crowdAverage);
  }

  @Test
  void withOneLabelPerItemGoldItemsTellTheLabelersApart() {
    // With one label per item, agreement says nothing about anyone: gold is what can.
    PlantedCrowd planted = new PlantedCrowd(200, 3, 9);
    int[] first = IntStream.range(0, 100).toArray();
    int[] second = IntStream.range(100, 200).toArray();
    planted.labelerOn("x", accurate(0.9), first).labelerOn("y", random(), second);
    planted.labelerOn("x", accurate(0.9), 100, 101, 102, 103, 104, 105, 106, 107, 108, 109);
    planted.labelerOn("y", random(), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Crowd.Builder builder = planted.builder();
    for (int i = 0; i < 10; i++) {
      builder.gold(PlantedCrowd.item(i), PlantedCrowd.label(planted.truth(i)));
      builder.gold(PlantedCrowd.item(100 + i), PlantedCrowd.label(planted.truth(100 + i)));
    }
    Crowd crowd = builder.build();

    InferenceResult r = inference.infer(crowd);

    for (int a = 0; a < crowd.annotationCount(); a++) {
      assertThat(r.quality(a)).isBetween(0.0, 1.0);
    }
    for (int i = 0; i < crowd.itemCount(); i++) {
      assertThat(r.confidence(i)).isBetween(1.0 / 3, 1.0);
    }
    assertThat(r.reliability(labelerIndex(crowd, "x")))
        .isGreaterThan(r.reliability(labelerIndex(crowd, "y")) + 0.3);
  }

  @Test
  void goldItemsAnchorACrowdWhoseMajorityIsSystematicallyWrong() {
    PlantedCrowd planted =
        new PlantedCrowd(100, 2, 21)
            .labeler("liar-1", accurate(0.15), 1.0)
            .labeler("liar-2", accurate(0.2), 1.0)
            .labeler("liar-3", accurate(0.15), 1.0)
            .labeler("honest", accurate(0.8), 1.0);
    Crowd.Builder withGold = planted.builder();
    for (int i = 0; i < 20; i++) {
      withGold.gold(PlantedCrowd.item(i), PlantedCrowd.label(planted.truth(i)));
    }

    double withoutGold = planted.accuracy(inference.infer(planted.build()));
    InferenceResult anchored = inference.infer(withGold.build());

    assertThat(withoutGold).isLessThan(0.5);
    assertThat(planted.accuracy(anchored)).isGreaterThan(0.9);
    Crowd c = anchored.crowd();
    int goldItem =
        IntStream.range(0, c.itemCount()).filter(i -> c.gold(i) >= 0).findFirst().orElseThrow();
    assertThat(anchored.consensus(goldItem)).isEqualTo(c.gold(goldItem));
    assertThat(anchored.confidence(goldItem)).isEqualTo(1.0);
  }

  @Test
  void embeddingsThatPredictTheClassRescueSparseNoisyLabels() {
    PlantedCrowd planted =
        new PlantedCrowd(400, 2, 13)
            .labeler("n1", accurate(0.75), 0.4)
            .labeler("n2", accurate(0.7), 0.4)
            .labeler("n3", accurate(0.75), 0.4)
            .labeler("n4", random(), 0.3);
    Crowd crowd = planted.build();
    double[][] features = clusteredFeatures(crowd, planted, 1.0, 31);

    InferenceResult without = inference.infer(crowd);
    InferenceResult with = inference.infer(crowd, features);

    assertThat(with.usedEmbeddingPrior()).isTrue();
    assertThat(planted.accuracy(with)).isGreaterThan(planted.accuracy(without) + 0.05);
  }

  @Test
  void embeddingsUnrelatedToTheLabelAreLeftOut() {
    PlantedCrowd planted = threeKindsOfLabeler(2, 17);
    Crowd crowd = planted.build();
    double[][] noise = clusteredFeatures(crowd, planted, 0.0, 37);

    InferenceResult r = inference.infer(crowd, noise);

    assertThat(r.usedEmbeddingPrior()).isFalse();
    assertThat(planted.accuracy(r)).isEqualTo(planted.accuracy(inference.infer(crowd)));
  }

  @Test
  void aCrowdThatAgreesOnOneClassIsCertain() {
    Crowd crowd =
        Crowd.builder()
            .annotation("i1", "w1", "cat")
            .annotation("i1", "w2", "cat")
            .annotation("i2", "w1", "cat")
            .build();

    InferenceResult r = inference.infer(crowd);

    assertThat(r.confidence(0)).isCloseTo(1.0, within(1e-9));
    assertThat(r.quality(2)).isCloseTo(1.0, within(1e-9));
  }

  /** Gaussian clusters per planted class, separated by {@code separation} standard deviations. */
  private static double[][] clusteredFeatures(
      Crowd crowd, PlantedCrowd planted, double separation, long seed) {
    Random random = new Random(seed);
    double[][] f = new double[crowd.itemCount()][8];
    for (int i = 0; i < f.length; i++) {
      int k = planted.truth(Integer.parseInt(crowd.itemKey(i).substring(5)));
      for (int d = 0; d < f[i].length; d++) {
        f[i][d] = random.nextGaussian() + (d == k ? 2 * separation : 0);
      }
    }
    return f;
  }
}
