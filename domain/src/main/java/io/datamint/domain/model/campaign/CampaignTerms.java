package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.TokenAmount;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a contributor offers when creating a campaign. Checked here for what needs no context
 * (sizes, ranges, answers against the schema); the {@link Campaign} checks what needs the dataset
 * version (the item count, and with it the budget) and the clock (the deadline).
 *
 * @param labelsPerItem k: how many distinct labelers label each item (1 to {@value
 *     #MAX_LABELS_PER_ITEM})
 * @param gold items with known answers, mixed into the labelers' tasks
 * @param goldEvery one task in this many is a gold item while the labeler has gold items left; 0
 *     exactly when there are no gold items, else 2 to 100
 * @param reward what one accepted label earns, in the payment token
 * @param qualityThreshold the score (0 to 1) a label needs to be accepted
 * @param budget what the owner deposits into the reward escrow
 * @param deadline when the campaign ends; also the escrow's end, after which the unspent budget can
 *     be refunded
 * @param lease how long a labeler holds a task ({@value #MIN_LEASE_SECONDS} s to 24 h)
 * @param qualificationItems Q: how many gold items a labeler answers before any paid task (the
 *     qualification round, see {@link QualificationRule}); 0 to the number of gold items
 */
public record CampaignTerms(
    String title,
    LabelSchema schema,
    String instructions,
    int labelsPerItem,
    List<GoldItem> gold,
    int goldEvery,
    TokenAmount reward,
    double qualityThreshold,
    TokenAmount budget,
    Instant deadline,
    Duration lease,
    int qualificationItems) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_INSTRUCTIONS = 20_000;
  public static final int MAX_LABELS_PER_ITEM = 20;
  public static final int MAX_GOLD_ITEMS = 10_000;
  public static final long MIN_LEASE_SECONDS = 5;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

  /**
   * Q when the owner names none: five gold answers tell a careless labeler from a careful one
   * without costing much of a person's time; fewer when the campaign has fewer gold items.
   */
  public static final int DEFAULT_QUALIFICATION_ITEMS = 5;

  public CampaignTerms {
    Objects.requireNonNull(title, "title must not be null");
    title = title.strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("a campaign title has 1 to " + MAX_TITLE + " characters");
    }
    Objects.requireNonNull(schema, "label schema must not be null");
    instructions = Objects.requireNonNull(instructions, "instructions must not be null").strip();
    if (instructions.isEmpty() || instructions.length() > MAX_INSTRUCTIONS) {
      throw new IllegalArgumentException(
          "instructions have 1 to " + MAX_INSTRUCTIONS + " characters: labelers need them");
    }
    if (labelsPerItem < 1 || labelsPerItem > MAX_LABELS_PER_ITEM) {
      throw new IllegalArgumentException(
          "labels per item (k) is 1 to " + MAX_LABELS_PER_ITEM + ", got " + labelsPerItem);
    }
    Objects.requireNonNull(gold, "gold items must not be null (use an empty list)");
    if (gold.size() > MAX_GOLD_ITEMS) {
      throw new IllegalArgumentException("at most " + MAX_GOLD_ITEMS + " gold items");
    }
    Set<Object> goldIds = new HashSet<>();
    gold =
        gold.stream()
            .map(
                g -> {
                  if (!goldIds.add(g.item())) {
                    throw new IllegalArgumentException("gold item " + g.item() + " appears twice");
                  }
                  return new GoldItem(g.item(), schema.check(g.answer()));
                })
            .toList();
    if (gold.isEmpty() ? goldEvery != 0 : goldEvery < 2 || goldEvery > 100) {
      throw new IllegalArgumentException(
          gold.isEmpty()
              ? "gold every N tasks needs gold items; without them it is 0"
              : "with gold items, one task in N is gold: N is 2 to 100, got " + goldEvery);
    }
    Objects.requireNonNull(reward, "reward must not be null");
    if (reward.isZero()) {
      throw new IllegalArgumentException("the reward per accepted label must be more than zero");
    }
    if (!(qualityThreshold >= 0 && qualityThreshold <= 1)) {
      throw new IllegalArgumentException(
          "the quality threshold is a score from 0 to 1, got " + qualityThreshold);
    }
    Objects.requireNonNull(budget, "budget must not be null");
    Objects.requireNonNull(deadline, "deadline must not be null");
    lease = lease == null ? DEFAULT_LEASE : lease;
    if (lease.getSeconds() < MIN_LEASE_SECONDS || lease.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "a lease lasts " + MIN_LEASE_SECONDS + " seconds to 24 hours, got " + lease);
    }
    if (qualificationItems < 0 || qualificationItems > gold.size()) {
      throw new IllegalArgumentException(
          "the qualification round asks 0 to "
              + gold.size()
              + " gold items (the campaign's gold items), got "
              + qualificationItems);
    }
  }

  /** Terms with the default qualification round: {@link #defaultQualificationItems} gold items. */
  public CampaignTerms(
      String title,
      LabelSchema schema,
      String instructions,
      int labelsPerItem,
      List<GoldItem> gold,
      int goldEvery,
      TokenAmount reward,
      double qualityThreshold,
      TokenAmount budget,
      Instant deadline,
      Duration lease) {
    this(
        title,
        schema,
        instructions,
        labelsPerItem,
        gold,
        goldEvery,
        reward,
        qualityThreshold,
        budget,
        deadline,
        lease,
        defaultQualificationItems(gold));
  }

  /** {@value #DEFAULT_QUALIFICATION_ITEMS}, or every gold item when there are fewer. */
  public static int defaultQualificationItems(List<GoldItem> gold) {
    return Math.min(DEFAULT_QUALIFICATION_ITEMS, gold == null ? 0 : gold.size());
  }

  /** The qualification round these terms ask for. */
  public QualificationRule qualification() {
    return new QualificationRule(qualificationItems, qualityThreshold);
  }

  /**
   * The least budget that pays every regular label the campaign asks for: reward × k × (items −
   * gold items). Gold answers are checks, not paid work, so they do not count.
   */
  public TokenAmount requiredBudget(long items) {
    long regular = Math.max(0, items - gold.size());
    return TokenAmount.ofUnits(
        reward
            .units()
            .multiply(java.math.BigInteger.valueOf(labelsPerItem))
            .multiply(java.math.BigInteger.valueOf(regular)));
  }
}
