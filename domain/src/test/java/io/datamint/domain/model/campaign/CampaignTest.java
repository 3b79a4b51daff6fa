package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.ItemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignTest {

  private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  private static final ContributorId OWNER = new ContributorId("owner-subject");
  private static final TxHash TX = TxHash.of("0x" + "ab".repeat(32));

  static CampaignTerms terms(String budget, List<GoldItem> gold, int goldEvery) {
    return new CampaignTerms(
        "Cat or dog",
        LabelSchema.single("cat", "dog"),
        "Pick the animal.",
        3,
        gold,
        goldEvery,
        TokenAmount.ofTokens("0.5"),
        0.7,
        TokenAmount.ofTokens(budget),
        NOW.plus(Duration.ofDays(7)),
        Duration.ofMinutes(10));
  }

  private static Campaign campaign(long items, CampaignTerms terms) {
    return new Campaign(
        CampaignId.random(), OWNER, DatasetId.newId(), 1, UUID.randomUUID(), items, terms, NOW);
  }

  @Test
  void aNewCampaignIsADraftWithItsTerms() {
    Campaign campaign = campaign(10, terms("15", List.of(), 0));

    assertThat(campaign.state()).isEqualTo(CampaignState.DRAFT);
    assertThat(campaign.schema()).isEqualTo(LabelSchema.single("cat", "dog"));
    assertThat(campaign.budget()).isEqualTo(TokenAmount.ofTokens("15"));
    assertThat(campaign.reward()).isEqualTo(TokenAmount.ofTokens("0.5"));
    assertThat(campaign.lease()).isEqualTo(Duration.ofMinutes(10));
    assertThat(campaign.isOwnedBy(OWNER)).isTrue();
    assertThat(campaign.handsOutTasks(NOW)).isFalse();
  }

  @Test
  void theBudgetMustCoverKLabelsOfEveryRegularItem() {
    // 3 labels x 10 items x 0.5 = 15
    assertThatThrownBy(() -> campaign(10, terms("14.9", List.of(), 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not cover 3 labels × 10 items × 0.5 reward = 15");
  }

  @Test
  void goldItemsAreChecksNotPaidWork() {
    GoldItem gold = new GoldItem(new ItemId("0123456789abcdef-000001"), List.of("cat"));

    Campaign campaign = campaign(10, terms("13.5", List.of(gold), 5));

    assertThat(campaign.regularItems()).isEqualTo(9);
    assertThat(campaign.goldItems()).isEqualTo(1);
  }

  @Test
  void aVersionWithoutItemsOrOnlyGoldItemsCannotBeLabeled() {
    GoldItem gold = new GoldItem(new ItemId("0123456789abcdef-000001"), List.of("cat"));

    assertThatThrownBy(() -> campaign(0, terms("1", List.of(), 0)))
        .hasMessageContaining("no items");
    assertThatThrownBy(() -> campaign(1, terms("1", List.of(gold), 5)))
        .hasMessageContaining("gold items must leave items to label");
  }

  @Test
  void aDeadlineInThePastIsRefused() {
    CampaignTerms late =
        new CampaignTerms(
            "t",
            LabelSchema.single("a", "b"),
            "i",
            1,
            List.of(),
            0,
            TokenAmount.ofTokens("1"),
            0.5,
            TokenAmount.ofTokens("10"),
            NOW,
            null);

    assertThatThrownBy(() -> campaign(2, late)).hasMessageContaining("has passed");
  }

  @Test
  void itOpensOnlyWhenTheDepositIsConfirmed() {
    Campaign campaign = campaign(10, terms("15", List.of(), 0));

    campaign.fund(NOW);
    assertThat(campaign.state()).isEqualTo(CampaignState.FUNDING);
    assertThat(campaign.handsOutTasks(NOW)).isFalse();

    campaign.funded(TX, NOW.plusSeconds(5));
    assertThat(campaign.state()).isEqualTo(CampaignState.OPEN);
    assertThat(campaign.fundingTransaction()).contains(TX);
    assertThat(campaign.handsOutTasks(NOW.plusSeconds(6))).isTrue();
    assertThat(campaign.handsOutTasks(campaign.deadline())).isFalse();
  }

  @Test
  void pauseAndResumeOnlyFromTheRightStates() {
    Campaign campaign = campaign(10, terms("15", List.of(), 0));
    assertThatThrownBy(() -> campaign.pause(NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it is DRAFT, not OPEN");
    campaign.fund(NOW);
    campaign.funded(TX, NOW);

    campaign.pause(NOW);
    assertThat(campaign.state()).isEqualTo(CampaignState.PAUSED);
    assertThat(campaign.state().acceptsLabels()).isTrue();
    assertThatThrownBy(() -> campaign.resume(campaign.deadline())).hasMessageContaining("deadline");
    campaign.resume(NOW);
    assertThat(campaign.state()).isEqualTo(CampaignState.OPEN);
  }

  @Test
  void closingIsFinalAndRemembersWhy() {
    Campaign campaign = campaign(10, terms("15", List.of(), 0));

    campaign.close(CloseReason.BY_OWNER, " changed my mind ", NOW);

    assertThat(campaign.state()).isEqualTo(CampaignState.CLOSED);
    assertThat(campaign.closeReason()).contains(CloseReason.BY_OWNER);
    assertThat(campaign.closeNote()).contains("changed my mind");
    assertThat(campaign.state().acceptsLabels()).isFalse();
    assertThatThrownBy(() -> campaign.close(CloseReason.BY_ADMIN, null, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> campaign.fund(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDepositConfirmedAfterACloseIsRecordedButDoesNotReopen() {
    Campaign campaign = campaign(10, terms("15", List.of(), 0));
    campaign.fund(NOW);
    campaign.close(CloseReason.BY_OWNER, null, NOW);

    campaign.funded(TX, NOW);

    assertThat(campaign.state()).isEqualTo(CampaignState.CLOSED);
    assertThat(campaign.wasFunded()).isTrue();
  }
}
