package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.ItemId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LabelingServiceGoldTurnTest {

  private static Campaign campaign(List<GoldItem> gold, int goldEvery) {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    return new Campaign(
        CampaignId.random(),
        new ContributorId("owner"),
        new DatasetId(UUID.randomUUID()),
        1,
        UUID.randomUUID(),
        100,
        new CampaignTerms(
            "t",
            LabelSchema.single("a", "b"),
            "i",
            1,
            gold,
            goldEvery,
            TokenAmount.ofTokens("1"),
            0.5,
            TokenAmount.ofTokens("100"),
            now.plusSeconds(3600),
            null),
        now);
  }

  @Test
  void everyNthAnswerIsAGoldItem() {
    Campaign campaign =
        campaign(List.of(new GoldItem(new ItemId("0123456789abcdef-000001"), List.of("a"))), 4);

    List<Long> goldTurns =
        LongStream.range(0, 12)
            .filter(n -> LabelingService.isGoldTurn(campaign, n))
            .boxed()
            .toList();

    assertThat(goldTurns).as("answers number 4, 8 and 12").containsExactly(3L, 7L, 11L);
  }

  @Test
  void withoutGoldItemsNoTurnIsGold() {
    Campaign campaign = campaign(List.of(), 0);

    assertThat(LongStream.range(0, 20).noneMatch(n -> LabelingService.isGoldTurn(campaign, n)))
        .isTrue();
  }
}
