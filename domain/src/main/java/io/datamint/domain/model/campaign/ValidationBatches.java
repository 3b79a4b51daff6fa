package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import io.datamint.domain.model.validation.ValidationBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a campaign's labels into the validation job of a round. Keys: the item id for an item, the
 * labeler id for a labeler, so the result maps straight back.
 *
 * <p><b>Multi-label campaigns</b> are scored the way the validation module asks for ("one binary
 * batch per class"), all classes in one job: every (item, class) pair is a binary item keyed {@code
 * <item>#<class index>}, and each answer becomes a "yes" or "no" for every class. A labeler's
 * confusion matrix is then shared by the classes (someone who over-tags does so everywhere), which
 * gives the estimate more labels per labeler than one job per class would. The item text is not
 * sent for multi-label rounds: the embedding annotator learns "this content has that label" and
 * cannot, from the content alone, tell the classes of a pooled yes/no problem apart. How the
 * answers' quality is formed from the classes is {@link RoundVerdicts}'s.
 */
public final class ValidationBatches {

  static final String YES = "yes";
  static final String NO = "no";
  private static final char CLASS_SEPARATOR = '#';

  /** The validation batch's threshold must lie strictly inside (0, 1). */
  private static final double MIN_THRESHOLD = 0.01;

  private static final double MAX_THRESHOLD = 0.99;

  private ValidationBatches() {}

  /**
   * The batch of round {@code round}.
   *
   * @param labels every label the job is built from
   * @param gold the gold items' answers
   * @param texts the items' texts where known (single-label rounds use them; may be empty)
   */
  public static ValidationBatch build(
      CampaignId campaign,
      int round,
      LabelSchema schema,
      double qualityThreshold,
      List<SubmittedLabel> labels,
      Map<ItemId, List<String>> gold,
      Map<ItemId, String> texts) {
    List<Annotation> annotations = new ArrayList<>();
    Map<String, String> goldKeys = new LinkedHashMap<>();
    Map<String, ItemContent> items = new LinkedHashMap<>();
    if (schema.mode() == LabelMode.SINGLE) {
      for (SubmittedLabel l : labels) {
        annotations.add(new Annotation(l.item().value(), l.labeler().value(), l.labels().get(0)));
      }
      gold.forEach((item, answer) -> goldKeys.put(item.value(), answer.get(0)));
      texts.forEach(
          (item, text) -> {
            if (text != null && !text.isBlank()) {
              items.put(item.value(), ItemContent.of(text));
            }
          });
    } else {
      List<String> classes = schema.labels();
      for (SubmittedLabel l : labels) {
        for (int c = 0; c < classes.size(); c++) {
          annotations.add(
              new Annotation(
                  classKey(l.item(), c),
                  l.labeler().value(),
                  l.labels().contains(classes.get(c)) ? YES : NO));
        }
      }
      gold.forEach(
          (item, answer) -> {
            for (int c = 0; c < classes.size(); c++) {
              goldKeys.put(classKey(item, c), answer.contains(classes.get(c)) ? YES : NO);
            }
          });
    }
    double threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, qualityThreshold));
    return new ValidationBatch(
        ValidationRound.jobKey(campaign, round), annotations, items, goldKeys, threshold);
  }

  /** The key of the binary item "does {@code item} have class number {@code index}". */
  static String classKey(ItemId item, int index) {
    return item.value() + CLASS_SEPARATOR + index;
  }

  /** The item and class index of a binary item's key. */
  static ClassKey parseClassKey(String key) {
    int at = key.lastIndexOf(CLASS_SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException("not a class key: " + key);
    }
    return new ClassKey(new ItemId(key.substring(0, at)), Integer.parseInt(key.substring(at + 1)));
  }

  /** An (item, class) pair of a multi-label round. */
  record ClassKey(ItemId item, int index) {}
}
