package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the next validation round of a campaign is made of, if one is due: the labels its job is
 * built from and the labels it decides.
 *
 * <ul>
 *   <li>the job gets <em>all</em> the campaign's labels so far, decided ones included: the truth
 *       inference learns each labeler from everything they did, and an item's consensus from all
 *       its labels;
 *   <li>it decides the PENDING labels of <em>complete</em> items (all k labels in), and the PENDING
 *       answers on gold items (their truth is known); a label of an item still waiting for labels
 *       is decided once the item is complete, with the full evidence. Once the campaign is CLOSED
 *       no label will come any more, so every PENDING label is decided;
 *   <li>a round is due when it would decide at least one regular label (gold answers alone wait for
 *       the next one), no round of the campaign is in flight, and the last round did not just fail:
 *       after a failed round the next one waits {@link #backoff} (1, 2, 4 … minutes, at most an
 *       hour), so a batch the workers cannot score is not queued again in a loop.
 * </ul>
 *
 * @param batch the labels the job is built from
 * @param decides the labels the round decides (a subset of {@code batch})
 */
public record RoundPlan(List<SubmittedLabel> batch, List<SubmittedLabel> decides) {

  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  public RoundPlan {
    batch = List.copyOf(batch);
    decides = List.copyOf(decides);
  }

  /**
   * The next round, or empty when none is due.
   *
   * @param labels every label of the campaign
   * @param completeItems regular items with all their k labels
   * @param latest the campaign's latest round, if any
   * @param failedInARow how many rounds failed since the last applied one
   */
  public static Optional<RoundPlan> next(
      CampaignState state,
      List<SubmittedLabel> labels,
      Set<ItemId> completeItems,
      Optional<ValidationRound> latest,
      int failedInARow,
      Instant now) {
    Objects.requireNonNull(labels, "labels must not be null");
    if (latest.isPresent()) {
      ValidationRound last = latest.get();
      if (last.state() == RoundState.IN_FLIGHT) {
        return Optional.empty();
      }
      if (last.state() == RoundState.FAILED
          && now.isBefore(last.finishedAt().orElse(now).plus(backoff(failedInARow)))) {
        return Optional.empty();
      }
    }
    boolean closed = state == CampaignState.CLOSED;
    boolean nothingNew =
        latest.isPresent()
            && latest.get().state() == RoundState.APPLIED
            && labels.size() <= latest.get().batchLabels();
    if (nothingNew && !closed) {
      return Optional.empty();
    }
    List<SubmittedLabel> decides =
        labels.stream()
            .filter(l -> l.status() == LabelStatus.PENDING)
            .filter(l -> closed || l.gold() || completeItems.contains(l.item()))
            .toList();
    boolean regular = decides.stream().anyMatch(l -> !l.gold());
    if (!(regular || (closed && !decides.isEmpty()))) {
      return Optional.empty();
    }
    return Optional.of(new RoundPlan(labels, decides));
  }

  /** How long the next round waits after {@code failures} failed rounds in a row. */
  public static Duration backoff(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
