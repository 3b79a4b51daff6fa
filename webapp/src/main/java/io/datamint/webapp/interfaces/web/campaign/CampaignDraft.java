package io.datamint.webapp.interfaces.web.campaign;

import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.TokenAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the campaign form holds, as typed: the form binds this, never the aggregate, and turns it
 * into {@link CampaignTerms} (which checks it) only when the contributor creates the campaign.
 */
public class CampaignDraft {

  private String title = "";
  private LabelMode mode = LabelMode.SINGLE;
  private String labels = "";
  private String instructions = "";
  private Integer labelsPerItem = 3;
  private Integer goldEvery = 5;
  private BigDecimal reward = BigDecimal.ONE;
  private BigDecimal budget;
  private Double qualityThreshold = 0.7;
  private Instant deadline;
  private String goldCsv = "";

  /** The label set, one label per line of the text area; blank lines are ignored. */
  public LabelSchema schema() {
    List<String> names =
        Arrays.stream(labels.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new LabelSchema(mode, names);
  }

  /**
   * @throws IllegalArgumentException with what is wrong
   */
  public CampaignTerms terms(List<GoldItem> gold) {
    if (budget == null) {
      throw new IllegalArgumentException("Enter the budget to deposit.");
    }
    if (deadline == null) {
      throw new IllegalArgumentException("Choose a deadline.");
    }
    return new CampaignTerms(
        title,
        schema(),
        instructions,
        labelsPerItem == null ? 0 : labelsPerItem,
        gold,
        gold.isEmpty() ? 0 : goldEvery == null ? 0 : goldEvery,
        BudgetEstimate.of(reward, 1, 1, 0).reward(),
        qualityThreshold == null ? -1 : qualityThreshold,
        TokenAmount.ofTokens(budget.toPlainString()),
        deadline,
        null);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title;
  }

  public LabelMode getMode() {
    return mode;
  }

  public void setMode(LabelMode mode) {
    this.mode = mode == null ? LabelMode.SINGLE : mode;
  }

  public String getLabels() {
    return labels;
  }

  public void setLabels(String labels) {
    this.labels = labels == null ? "" : labels;
  }

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions == null ? "" : instructions;
  }

  public Integer getLabelsPerItem() {
    return labelsPerItem;
  }

  public void setLabelsPerItem(Integer labelsPerItem) {
    this.labelsPerItem = labelsPerItem;
  }

  public Integer getGoldEvery() {
    return goldEvery;
  }

  public void setGoldEvery(Integer goldEvery) {
    this.goldEvery = goldEvery;
  }

  public BigDecimal getReward() {
    return reward;
  }

  public void setReward(BigDecimal reward) {
    this.reward = reward;
  }

  public BigDecimal getBudget() {
    return budget;
  }

  public void setBudget(BigDecimal budget) {
    this.budget = budget;
  }

  public Double getQualityThreshold() {
    return qualityThreshold;
  }

  public void setQualityThreshold(Double qualityThreshold) {
    this.qualityThreshold = qualityThreshold;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public void setDeadline(Instant deadline) {
    this.deadline = deadline;
  }

  public String getGoldCsv() {
    return goldCsv;
  }

  public void setGoldCsv(String goldCsv) {
    this.goldCsv = goldCsv == null ? "" : goldCsv;
  }
}
