package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The numbers of a campaign's dashboard, read in a few aggregate queries ({@link
 * CampaignStatistics}). Counts are of regular labels (answers on gold items are checks, counted
 * apart in {@code goldAnswers}).
 *
 * @param labelsPerItem k, the campaign's labels per item
 * @param itemsByLabelCount index n: regular items with n labels; n runs from 0 to k (and beyond k
 *     only if an item somehow got more)
 * @param labelCounts per label of the schema, in the schema's order, how many labels name it (a
 *     multi-label answer counts once for each label it names)
 * @param completeItems regular items with k labels or more
 * @param agreeingItems complete items whose labels are all the same answer
 * @param itemsByMajority index n: complete items whose most common answer was given n times (n from
 *     0 to k), the distribution of agreement
 * @param accepted regular labels validation accepted
 * @param rejected regular labels validation rejected
 * @param pending regular labels not validated yet
 * @param goldAnswers answers given on gold items
 * @param goldCorrect of those, answers equal to the known one
 * @param labelers distinct labelers with at least one answer
 * @param topLabelers labelers with the most regular labels, most first
 */
public record CampaignFigures(
    int labelsPerItem,
    List<Long> itemsByLabelCount,
    Map<String, Long> labelCounts,
    long completeItems,
    long agreeingItems,
    List<Long> itemsByMajority,
    long accepted,
    long rejected,
    long pending,
    long goldAnswers,
    long goldCorrect,
    long labelers,
    List<LabelerTally> topLabelers) {

  /** One labeler's share of the work. */
  public record LabelerTally(LabelerId labeler, long labels, long accepted, long rejected) {

    public LabelerTally {
      Objects.requireNonNull(labeler, "labeler must not be null");
    }
  }

  public CampaignFigures {
    if (labelsPerItem < 1) {
      throw new IllegalArgumentException("k is at least 1, got " + labelsPerItem);
    }
    itemsByLabelCount = List.copyOf(itemsByLabelCount);
    labelCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labelCounts));
    itemsByMajority = List.copyOf(itemsByMajority);
    topLabelers = List.copyOf(topLabelers);
    if (agreeingItems > completeItems) {
      throw new IllegalArgumentException("more agreeing items than complete ones");
    }
  }

  /** Regular labels given, whatever their fate. */
  public long regularLabels() {
    return accepted + rejected + pending;
  }

  /** Regular items (gold items excluded). */
  public long regularItems() {
    return itemsByLabelCount.stream().mapToLong(Long::longValue).sum();
  }

  /** Share of complete items whose labels all agree; empty while no item is complete. */
  public OptionalDouble agreement() {
    return completeItems == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) agreeingItems / completeItems);
  }

  /**
   * What the campaign has spent: accepted labels × reward. Until a payout ledger records what was
   * credited, the accepted labels are the record of what is owed.
   */
  public TokenAmount spent(TokenAmount reward) {
    return times(reward, accepted);
  }

  /** What pending labels will cost if all are accepted. */
  public TokenAmount committed(TokenAmount reward) {
    return times(reward, pending);
  }

  /** The budget less what was spent; zero, never negative, if more was spent than budgeted. */
  public TokenAmount left(TokenAmount budget, TokenAmount reward) {
    TokenAmount spent = spent(reward);
    return spent.compareTo(budget) >= 0 ? TokenAmount.ZERO : budget.minus(spent);
  }

  private static TokenAmount times(TokenAmount reward, long count) {
    return TokenAmount.ofUnits(reward.units().multiply(BigInteger.valueOf(count)));
  }
}
