package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.ValidationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a round's validation result means for the campaign: per label of the round a quality and
 * ACCEPTED (quality ≥ the campaign's quality threshold) or REJECTED; per item the consensus and its
 * confidence; per labeler the reliability and the number of labels behind it.
 *
 * <p><b>Sure before final.</b> A decision is final (rewards are paid from it), so while the
 * campaign runs a label is decided only when its item's consensus is sure: confidence at least
 * {@value #DECISION_CONFIDENCE}. Otherwise it is <em>deferred</em> — left PENDING for a later
 * round, which sees more labels behind every labeler's estimate. Early in a campaign, when most
 * items have one label each, the estimates cannot tell a good labeler from a bad one yet; deciding
 * then would reject good labels for good. Once the campaign is CLOSED no more evidence will come,
 * and every label is decided.
 *
 * <p><b>Multi-label answers</b> (scored as one yes/no item per class, see {@link
 * ValidationBatches}): an answer's quality is the <em>product</em> of its per-class qualities, the
 * probability that the whole answer is right when the classes are judged independently. That keeps
 * the meaning of the threshold the same in both modes ("the probability that this label is the
 * item's true label"); a mean over classes would let an answer that misses the one class that
 * matters pass on the many easy "no"s. The consensus is the set of classes whose "yes" is the
 * consensus (the most probable class alone when none is), its confidence the product of the
 * per-class confidences. A labeler's reliability is the share of right yes/no decisions, and the
 * label count is their decisions divided by the number of classes (= answers).
 *
 * @param labels the decided labels, in the order given
 * @param items consensus per item of the result
 * @param labelers reliability per labeler of the result
 * @param missing labels of the round the result did not score (they stay PENDING)
 * @param deferred labels whose item's consensus is not sure enough yet (they stay PENDING)
 */
public record RoundVerdicts(
    List<LabelVerdict> labels,
    List<ItemVerdict> items,
    List<LabelerVerdict> labelers,
    List<LeaseId> missing,
    List<LeaseId> deferred) {

  /** How sure an item's consensus must be before its labels are decided in a running campaign. */
  public static final double DECISION_CONFIDENCE = 0.9;

  public RoundVerdicts {
    labels = List.copyOf(labels);
    items = List.copyOf(items);
    labelers = List.copyOf(labelers);
    missing = List.copyOf(missing);
    deferred = List.copyOf(deferred);
  }

  /** The verdict on one label. */
  public record LabelVerdict(LeaseId lease, LabelerId labeler, double quality, LabelStatus status) {

    public LabelVerdict {
      Objects.requireNonNull(lease, "lease must not be null");
      if (status == LabelStatus.PENDING) {
        throw new IllegalArgumentException("a verdict accepts or rejects");
      }
    }
  }

  /** The consensus on one item. */
  public record ItemVerdict(ItemId item, List<String> consensus, double confidence) {

    public ItemVerdict {
      consensus = List.copyOf(consensus);
    }
  }

  /** A labeler's reliability, campaign-wide (the job saw all their labels). */
  public record LabelerVerdict(LabelerId labeler, double reliability, int labels) {}

  /**
   * Reads the result for the labels the round decides.
   *
   * @param decides the round's labels (still PENDING)
   * @param closed whether the campaign is closed: every label is decided, sure or not
   */
  public static RoundVerdicts read(
      LabelSchema schema,
      double qualityThreshold,
      List<SubmittedLabel> decides,
      ValidationResult result,
      boolean closed) {
    RoundVerdicts all =
        schema.mode() == LabelMode.SINGLE
            ? single(qualityThreshold, decides, result)
            : multi(schema, qualityThreshold, decides, result);
    if (closed) {
      return all;
    }
    Map<ItemId, Double> confidence = new HashMap<>();
    all.items().forEach(i -> confidence.put(i.item(), i.confidence()));
    Map<LeaseId, ItemId> itemOf = new HashMap<>();
    decides.forEach(l -> itemOf.put(l.lease(), l.item()));
    List<LabelVerdict> sure = new ArrayList<>();
    List<LeaseId> deferred = new ArrayList<>();
    for (LabelVerdict v : all.labels()) {
      if (confidence.getOrDefault(itemOf.get(v.lease()), 0.0) >= DECISION_CONFIDENCE) {
        sure.add(v);
      } else {
        deferred.add(v.lease());
      }
    }
    return new RoundVerdicts(sure, all.items(), all.labelers(), all.missing(), deferred);
  }

  private static RoundVerdicts single(
      double threshold, List<SubmittedLabel> decides, ValidationResult result) {
    Map<String, LabelScore> scores = new HashMap<>();
    for (LabelScore s : result.labels()) {
      scores.put(key(s.itemKey(), s.labelerKey()), s);
    }
    List<LabelVerdict> labels = new ArrayList<>();
    List<LeaseId> missing = new ArrayList<>();
    for (SubmittedLabel l : decides) {
      LabelScore s = scores.get(key(l.item().value(), l.labeler().value()));
      if (s == null || !s.label().equals(l.labels().get(0))) {
        missing.add(l.lease());
      } else {
        labels.add(verdict(l, s.quality(), threshold));
      }
    }
    List<ItemVerdict> items =
        result.items().stream()
            .map(
                i ->
                    new ItemVerdict(
                        new ItemId(i.itemKey()), List.of(i.consensusLabel()), i.confidence()))
            .toList();
    List<LabelerVerdict> labelers =
        result.labelers().stream()
            .map(
                r ->
                    new LabelerVerdict(
                        new LabelerId(r.labelerKey()), r.reliability(), r.labelCount()))
            .toList();
    return new RoundVerdicts(labels, items, labelers, missing, List.of());
  }

  private static RoundVerdicts multi(
      LabelSchema schema, double threshold, List<SubmittedLabel> decides, ValidationResult result) {
    List<String> classes = schema.labels();
    Map<String, LabelScore> scores = new HashMap<>();
    for (LabelScore s : result.labels()) {
      scores.put(key(s.itemKey(), s.labelerKey()), s);
    }
    List<LabelVerdict> labels = new ArrayList<>();
    List<LeaseId> missing = new ArrayList<>();
    for (SubmittedLabel l : decides) {
      double quality = 1.0;
      boolean complete = true;
      for (int c = 0; c < classes.size() && complete; c++) {
        LabelScore s =
            scores.get(key(ValidationBatches.classKey(l.item(), c), l.labeler().value()));
        String said =
            l.labels().contains(classes.get(c)) ? ValidationBatches.YES : ValidationBatches.NO;
        if (s == null || !s.label().equals(said)) {
          complete = false;
        } else {
          quality *= s.quality();
        }
      }
      if (complete) {
        labels.add(verdict(l, quality, threshold));
      } else {
        missing.add(l.lease());
      }
    }
    // per item: P(yes) of every class
    Map<ItemId, double[]> yes = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    for (ItemConsensus i : result.items()) {
      ValidationBatches.ClassKey k = ValidationBatches.parseClassKey(i.itemKey());
      if (k.index() < 0 || k.index() >= classes.size()) {
        continue;
      }
      double[] p = yes.computeIfAbsent(k.item(), item -> filled(classes.size(), Double.NaN));
      p[k.index()] =
          ValidationBatches.YES.equals(i.consensusLabel()) ? i.confidence() : 1 - i.confidence();
    }
    List<ItemVerdict> items = new ArrayList<>();
    yes.forEach(
        (item, p) -> {
          List<String> consensus = new ArrayList<>();
          double confidence = 1.0;
          int best = -1;
          for (int c = 0; c < p.length; c++) {
            if (Double.isNaN(p[c])) {
              continue;
            }
            if (best < 0 || p[c] > p[best]) {
              best = c;
            }
            if (p[c] >= 0.5) {
              consensus.add(classes.get(c));
              confidence *= p[c];
            } else {
              confidence *= 1 - p[c];
            }
          }
          if (best < 0) {
            return;
          }
          if (consensus.isEmpty()) {
            // an answer needs a label: the likeliest class, though the crowd leaned to "none"
            consensus.add(classes.get(best));
            confidence = confidence / (1 - p[best]) * p[best];
          }
          items.add(new ItemVerdict(item, consensus, clamp(confidence)));
        });
    List<LabelerVerdict> labelers =
        result.labelers().stream()
            .map(
                r ->
                    new LabelerVerdict(
                        new LabelerId(r.labelerKey()),
                        r.reliability(),
                        (int) Math.round((double) r.labelCount() / classes.size())))
            .toList();
    return new RoundVerdicts(labels, items, labelers, missing, List.of());
  }

  private static LabelVerdict verdict(SubmittedLabel l, double quality, double threshold) {
    double q = clamp(quality);
    return new LabelVerdict(
        l.lease(), l.labeler(), q, q >= threshold ? LabelStatus.ACCEPTED : LabelStatus.REJECTED);
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  private static String key(String item, String labeler) {
    return item + '\u0000' + labeler;
  }
}
