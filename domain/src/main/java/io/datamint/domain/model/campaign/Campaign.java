package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A contributor's labeling campaign on one approved version of their dataset: the terms (label
 * schema, instructions, k labels per item, gold items and their rate, reward, quality threshold,
 * budget, deadline, lease length) and the life cycle DRAFT → FUNDING → OPEN ⇄ PAUSED → CLOSED.
 *
 * <p>Rules it keeps:
 *
 * <ul>
 *   <li>the budget covers every regular label asked for: reward × k × (items − gold items), see
 *       {@link CampaignTerms#requiredBudget}; more is allowed (the rest is refunded at the end);
 *   <li>the deadline lies in the future when the campaign is created and when it is funded (the
 *       escrow refuses a campaign that has ended);
 *   <li>it opens only when the deposit is confirmed on chain ({@link #funded});
 *   <li>tasks are handed out only while OPEN and before the deadline; leases already given may be
 *       submitted while OPEN or PAUSED;
 *   <li>CLOSED is final.
 * </ul>
 *
 * The items and gold answers are kept by the {@link TaskQueue}, not in the aggregate: a version has
 * up to millions of items.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

  @Id
  @Column(name = "id", nullable = false)
  private UUID id;

  @Column(name = "owner_id", length = 255, nullable = false)
  private String owner;

  @Column(name = "dataset_id", nullable = false)
  private UUID datasetId;

  @Column(name = "version_number", nullable = false)
  private int versionNumber;

  @Column(name = "version_id", nullable = false)
  private UUID versionId;

  @Column(name = "title", length = CampaignTerms.MAX_TITLE, nullable = false)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(name = "label_mode", length = 10, nullable = false)
  private LabelMode labelMode;

  /** The label set, one label per line (labels have no control characters). */
  @Column(name = "labels", nullable = false)
  private String labels;

  @Column(name = "instructions", length = CampaignTerms.MAX_INSTRUCTIONS, nullable = false)
  private String instructions;

  @Column(name = "labels_per_item", nullable = false)
  private int labelsPerItem;

  @Column(name = "gold_items", nullable = false)
  private int goldItems;

  @Column(name = "gold_every", nullable = false)
  private int goldEvery;

  /** Q: gold answers a labeler gives before paid work (V41). */
  @Column(name = "qualification_items", nullable = false)
  private int qualificationItems;

  @Column(name = "reward_units", nullable = false, precision = 78, scale = 0)
  private BigDecimal rewardUnits;

  @Column(name = "budget_units", nullable = false, precision = 78, scale = 0)
  private BigDecimal budgetUnits;

  @Column(name = "quality_threshold", nullable = false)
  private double qualityThreshold;

  @Column(name = "deadline", nullable = false)
  private Instant deadline;

  @Column(name = "lease_seconds", nullable = false)
  private long leaseSeconds;

  @Column(name = "item_count", nullable = false)
  private long itemCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", length = 20, nullable = false)
  private CampaignState state;

  @Column(name = "funding_transaction", length = 66)
  private String fundingTransaction;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "close_reason", length = 30)
  private CloseReason closeReason;

  @Column(name = "close_note", length = 1000)
  private String closeNote;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "revision", nullable = false)
  private long revision;

  protected Campaign() {
    // for JPA
  }

  /**
   * A new campaign in DRAFT.
   *
   * @param versionId the approved version's id, whose items the campaign labels
   * @param items how many items the version has (its manifest's count)
   * @throws IllegalArgumentException when the version has no items, a gold item is not among them
   *     (by count), the budget does not cover the labels asked for, or the deadline has passed
   */
  public Campaign(
      CampaignId id,
      ContributorId owner,
      DatasetId dataset,
      int versionNumber,
      UUID versionId,
      long items,
      CampaignTerms terms,
      Instant now) {
    this.id = Objects.requireNonNull(id, "campaign id must not be null").value();
    this.owner = Objects.requireNonNull(owner, "owner must not be null").value();
    this.datasetId = Objects.requireNonNull(dataset, "dataset must not be null").value();
    if (versionNumber < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
    this.versionNumber = versionNumber;
    this.versionId = Objects.requireNonNull(versionId, "version id must not be null");
    Objects.requireNonNull(terms, "terms must not be null");
    Objects.requireNonNull(now, "time must not be null");
    if (items < 1) {
      throw new IllegalArgumentException("the dataset version has no items to label");
    }
    if (terms.gold().size() >= items) {
      throw new IllegalArgumentException(
          "gold items must leave items to label: "
              + terms.gold().size()
              + " gold of "
              + items
              + " items");
    }
    TokenAmount required = terms.requiredBudget(items);
    if (terms.budget().compareTo(required) < 0) {
      throw new IllegalArgumentException(
          "the budget "
              + terms.budget()
              + " does not cover "
              + terms.labelsPerItem()
              + " labels × "
              + (items - terms.gold().size())
              + " items × "
              + terms.reward()
              + " reward = "
              + required);
    }
    requireFuture(terms.deadline(), now);
    this.itemCount = items;
    this.title = terms.title();
    this.labelMode = terms.schema().mode();
    this.labels = String.join("\n", terms.schema().labels());
    this.instructions = terms.instructions();
    this.labelsPerItem = terms.labelsPerItem();
    this.goldItems = terms.gold().size();
    this.goldEvery = terms.goldEvery();
    this.qualificationItems = terms.qualificationItems();
    this.rewardUnits = new BigDecimal(terms.reward().units());
    this.budgetUnits = new BigDecimal(terms.budget().units());
    this.qualityThreshold = terms.qualityThreshold();
    this.deadline = terms.deadline();
    this.leaseSeconds = terms.lease().getSeconds();
    this.state = CampaignState.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  private static void requireFuture(Instant deadline, Instant now) {
    if (!deadline.isAfter(now)) {
      throw new IllegalArgumentException("the deadline " + deadline + " has passed");
    }
  }

  // --- verbs ---

  /**
   * The owner asks for the budget to be deposited into the escrow; the campaign opens when the
   * deposit is confirmed.
   *
   * @throws IllegalStateException unless DRAFT, or when the deadline has passed
   */
  public void fund(Instant now) {
    requireState(CampaignState.DRAFT, "fund");
    if (!deadline.isAfter(now)) {
      throw new IllegalStateException(
          "the deadline " + deadline + " has passed; the escrow refuses an ended campaign");
    }
    state = CampaignState.FUNDING;
    updatedAt = now;
  }

  /** The deposit is confirmed on chain in {@code transaction}: labelers may start. */
  public void funded(TxHash transaction, Instant now) {
    Objects.requireNonNull(transaction, "transaction must not be null");
    if (state != CampaignState.FUNDING) {
      // a confirmation after a close (the owner gave up while it was under way) changes nothing
      // but the record of the money on chain
      this.fundingTransaction = transaction.value();
      this.updatedAt = now;
      return;
    }
    this.fundingTransaction = transaction.value();
    this.state = CampaignState.OPEN;
    this.openedAt = now;
    this.updatedAt = now;
  }

  /**
   * No new tasks until {@link #resume}. Leases already given may still be submitted.
   *
   * @throws IllegalStateException unless OPEN
   */
  public void pause(Instant now) {
    requireState(CampaignState.OPEN, "pause");
    state = CampaignState.PAUSED;
    updatedAt = now;
  }

  /**
   * @throws IllegalStateException unless PAUSED, or when the deadline has passed
   */
  public void resume(Instant now) {
    requireState(CampaignState.PAUSED, "resume");
    if (!deadline.isAfter(now)) {
      throw new IllegalStateException("the deadline " + deadline + " has passed; close it instead");
    }
    state = CampaignState.OPEN;
    updatedAt = now;
  }

  /**
   * Ends the campaign for good: no tasks, no submissions.
   *
   * @param note why, in words (may be empty)
   * @throws IllegalStateException when it is closed already
   */
  public void close(CloseReason reason, String note, Instant now) {
    Objects.requireNonNull(reason, "close reason must not be null");
    if (state == CampaignState.CLOSED) {
      throw new IllegalStateException("campaign " + id + " is closed already");
    }
    String text = note == null ? "" : note.strip();
    this.closeNote = text.isEmpty() ? null : clip(text, 1000);
    this.closeReason = reason;
    this.state = CampaignState.CLOSED;
    this.closedAt = now;
    this.updatedAt = now;
  }

  private void requireState(CampaignState expected, String action) {
    if (state != expected) {
      throw new IllegalStateException(
          "cannot " + action + " campaign " + id + ": it is " + state + ", not " + expected);
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  // --- queries ---

  /** Whether labelers get new tasks at {@code now}: OPEN and before the deadline. */
  public boolean handsOutTasks(Instant now) {
    return state == CampaignState.OPEN && now.isBefore(deadline);
  }

  public boolean isPastDeadline(Instant now) {
    return !now.isBefore(deadline);
  }

  /** Whether money was (or may have been) deposited: the escrow then has something to refund. */
  public boolean wasFunded() {
    return fundingTransaction != null;
  }

  public boolean isOwnedBy(ContributorId contributor) {
    return owner.equals(contributor.value());
  }

  public CampaignId id() {
    return new CampaignId(id);
  }

  public ContributorId owner() {
    return new ContributorId(owner);
  }

  public DatasetId dataset() {
    return new DatasetId(datasetId);
  }

  public int versionNumber() {
    return versionNumber;
  }

  public UUID versionId() {
    return versionId;
  }

  public String title() {
    return title;
  }

  public LabelSchema schema() {
    return new LabelSchema(labelMode, Arrays.asList(labels.split("\n")));
  }

  public String instructions() {
    return instructions;
  }

  public int labelsPerItem() {
    return labelsPerItem;
  }

  public int goldItems() {
    return goldItems;
  }

  public int goldEvery() {
    return goldEvery;
  }

  /** Q: how many gold items a labeler answers before paid work; 0 when there is no such round. */
  public int qualificationItems() {
    return qualificationItems;
  }

  /**
   * The qualification round: Q gold answers, passed with a share right of the quality threshold.
   */
  public QualificationRule qualification() {
    return new QualificationRule(qualificationItems, qualityThreshold);
  }

  public TokenAmount reward() {
    return TokenAmount.ofUnits(rewardUnits.toBigIntegerExact());
  }

  public TokenAmount budget() {
    return TokenAmount.ofUnits(budgetUnits.toBigIntegerExact());
  }

  public double qualityThreshold() {
    return qualityThreshold;
  }

  public Instant deadline() {
    return deadline;
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public long itemCount() {
    return itemCount;
  }

  /** Items labeled by k labelers each (the gold items are not among them). */
  public long regularItems() {
    return itemCount - goldItems;
  }

  public CampaignState state() {
    return state;
  }

  public Optional<TxHash> fundingTransaction() {
    return Optional.ofNullable(fundingTransaction).map(TxHash::of);
  }

  public Optional<Instant> openedAt() {
    return Optional.ofNullable(openedAt);
  }

  public Optional<CloseReason> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  public Optional<String> closeNote() {
    return Optional.ofNullable(closeNote);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The label set in order, for pages that only need the names. */
  public List<String> labelNames() {
    return schema().labels();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Campaign c && id.equals(c.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Campaign[" + id + " " + state + "]";
  }
}
