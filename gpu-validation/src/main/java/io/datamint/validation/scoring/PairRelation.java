package io.datamint.validation.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Features of how the two texts of a pair relate (premise and hypothesis, question and answer,
 * sentence and paraphrase), for the item-side classifier of the truth inference. A pair label
 * depends on the relation, not on the topic: two pairs about the same event may well be one an
 * entailment and the other a contradiction. Sentence vectors of each text (or of their
 * concatenation) mostly encode the topic, and a classifier over hundreds of their dimensions,
 * trained on a few hundred consensus labels, learns little (0.53 out-of-fold on RTE). These five
 * are the classic, task-agnostic signals of entailment and paraphrase baselines:
 *
 * <ol>
 *   <li>cosine similarity of the two sentence embeddings;
 *   <li>coverage: the share of the second text's content words (lower-cased, function words aside)
 *       that occur in the first, the lexical-overlap baseline of textual entailment;
 *   <li>length ratio, {@code log((|second| + 1) / (|first| + 1))} in words: a short second text can
 *       be contained in the first, a long one adds content it cannot support;
 *   <li>number mismatch: a number in the second text that the first does not contain;
 *   <li>negation mismatch: a negation word in one text and none in the other.
 * </ol>
 *
 * <p>Word lists are English (function words and negations); for other languages features 2 and 5
 * only lose precision, and the inference leaves the classifier out when it does not predict the
 * crowd's consensus. Nothing here is fitted: the classifier's weights, and the EM's confusion
 * matrix of the classifier, decide what each feature is worth on the data at hand.
 */
public final class PairRelation {

  /** Number of features {@link #features} returns. */
  public static final int DIMENSION = 5;

  // Letters and digits, joined across an inner apostrophe ("didn't", "Kenya's") or an inner point
  // or comma ("3.5", "1,000", "U.S").
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['.,][\\p{L}\\p{N}]+)*");

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "and",
          "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
          "do", "does", "did", "will", "would", "that", "this", "these", "those", "it", "its",
          "which", "who", "whom", "whose", "there", "their", "his", "her", "he", "she", "they",
          "also");

  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "nowhere", "without",
          "cannot");

  private PairRelation() {}

  /**
   * The features of one pair.
   *
   * @param first the first text (premise)
   * @param second the second text (hypothesis)
   * @param u the embedding of the first text
   * @param v the embedding of the second text
   */
  public static double[] features(String first, String second, float[] u, float[] v) {
    List<String> a = words(first);
    List<String> b = words(second);
    return new double[] {
      cosine(u, v),
      coverage(a, b),
      Math.log((b.size() + 1.0) / (a.size() + 1.0)),
      numberMismatch(a, b) ? 1 : 0,
      negated(a) != negated(b) ? 1 : 0
    };
  }

  /** Lower-cased words; curly apostrophes read as straight ones, commas inside numbers dropped. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      String w = m.group();
      words.add(w.matches("[\\d,.]+") ? w.replace(",", "") : w);
    }
    return words;
  }

  /** Share of the second text's content words found in the first; 1 when it has none. */
  static double coverage(List<String> first, List<String> second) {
    Set<String> known = new HashSet<>(first);
    int content = 0;
    int covered = 0;
    for (String w : second) {
      if (!FUNCTION_WORDS.contains(w)) {
        content++;
        covered += known.contains(w) ? 1 : 0;
      }
    }
    return content == 0 ? 1 : (double) covered / content;
  }

  /** Whether the second text holds a number (any word with a digit) the first does not. */
  static boolean numberMismatch(List<String> first, List<String> second) {
    Set<String> known = new HashSet<>(first);
    return second.stream()
        .anyMatch(w -> w.chars().anyMatch(Character::isDigit) && !known.contains(w));
  }

  static boolean negated(List<String> words) {
    return words.stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"));
  }

  static double cosine(float[] u, float[] v) {
    double dot = 0;
    double uu = 0;
    double vv = 0;
    for (int d = 0; d < u.length; d++) {
      dot += (double) u[d] * v[d];
      uu += (double) u[d] * u[d];
      vv += (double) v[d] * v[d];
    }
    return uu == 0 || vv == 0 ? 0 : dot / Math.sqrt(uu * vv);
  }
}
