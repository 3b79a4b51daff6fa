package io.datamint.validation.bench;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A crowd with planted truth, for timing at scale: labelers are mostly good, some mediocre, some
 * spammers; item texts are short sentences whose topic follows the true class (so the embedder has
 * something to find, as in real campaigns where content predicts the label).
 */
public record SyntheticCrowd(
    List<Annotation> annotations, Map<String, ItemContent> items, Map<String, String> truth) {

  private static final String[][] TOPICS = {
    {"rain", "storm", "sunny weather", "a cold front", "snowfall", "the forecast"},
    {"the football match", "a tennis final", "the marathon", "a basketball game", "the league"},
    {"a pasta recipe", "baking bread", "the soup", "roasting vegetables", "a chocolate cake"}
  };
  private static final String[] FRAMES = {
    "Everyone was talking about %s today.",
    "The report on %s surprised the readers.",
    "My neighbour could not stop mentioning %s.",
    "A short note about %s was posted this morning.",
    "Yesterday's news covered %s in detail."
  };

  public static SyntheticCrowd generate(int items, int labelsPerItem, int labelers, long seed) {
    Random random = new Random(seed);
    int classes = TOPICS.length;
    double[] accuracy = new double[labelers];
    for (int j = 0; j < labelers; j++) {
      double u = random.nextDouble();
      accuracy[j] =
          u < 0.7 ? 0.8 + 0.15 * random.nextDouble() : u < 0.9 ? 0.6 : 1.0 / classes; // spammer
    }
    List<Annotation> annotations = new ArrayList<>(items * labelsPerItem);
    Map<String, ItemContent> content = new LinkedHashMap<>();
    Map<String, String> truth = new HashMap<>();
    for (int i = 0; i < items; i++) {
      String item = "item-" + i;
      int k = random.nextInt(classes);
      truth.put(item, "c" + k);
      String topic = TOPICS[k][random.nextInt(TOPICS[k].length)];
      content.put(
          item,
          ItemContent.of(
              String.format(FRAMES[random.nextInt(FRAMES.length)], topic) + " (#" + i + ")"));
      java.util.Set<Integer> chosen = new java.util.HashSet<>();
      while (chosen.size() < Math.min(labelsPerItem, labelers)) {
        chosen.add(random.nextInt(labelers));
      }
      for (int j : chosen) {
        int label = k;
        if (random.nextDouble() >= accuracy[j]) {
          label = (k + 1 + random.nextInt(classes - 1)) % classes;
        }
        annotations.add(new Annotation(item, "w" + j, "c" + label));
      }
    }
    return new SyntheticCrowd(annotations, content, truth);
  }
}
