package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ItemId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTermsTest {

  private static final ItemId ITEM = new ItemId("0123456789abcdef-000001");

  private static CampaignTerms terms(
      int k, List<GoldItem> gold, int goldEvery, String reward, double threshold, Duration lease) {
    return new CampaignTerms(
        "Title",
        LabelSchema.multi("cat", "dog", "bird"),
        "Do it.",
        k,
        gold,
        goldEvery,
        TokenAmount.ofTokens(reward),
        threshold,
        TokenAmount.ofTokens("100"),
        Instant.parse("2030-01-01T00:00:00Z"),
        lease);
  }

  @Test
  void validTermsKeepGoldAnswersInSchemaOrder() {
    CampaignTerms t =
        terms(3, List.of(new GoldItem(ITEM, List.of("dog", "cat"))), 4, "1", 0.5, null);

    assertThat(t.gold().get(0).answer()).containsExactly("cat", "dog");
    assertThat(t.lease()).isEqualTo(CampaignTerms.DEFAULT_LEASE);
    assertThat(t.requiredBudget(11)).isEqualTo(TokenAmount.ofTokens("30"));
  }

  @Test
  void eachTermIsCheckedWithAClearMessage() {
    assertThatThrownBy(() -> terms(0, List.of(), 0, "1", 0.5, null))
        .hasMessageContaining("labels per item (k) is 1 to 20");
    assertThatThrownBy(() -> terms(3, List.of(), 0, "0", 0.5, null))
        .hasMessageContaining("more than zero");
    assertThatThrownBy(() -> terms(3, List.of(), 0, "1", 1.5, null))
        .hasMessageContaining("quality threshold");
    assertThatThrownBy(() -> terms(3, List.of(), 0, "1", 0.5, Duration.ofSeconds(2)))
        .hasMessageContaining("a lease lasts");
    assertThatThrownBy(() -> terms(3, List.of(), 5, "1", 0.5, null))
        .hasMessageContaining("needs gold items");
    assertThatThrownBy(
            () -> terms(3, List.of(new GoldItem(ITEM, List.of("cat"))), 1, "1", 0.5, null))
        .hasMessageContaining("N is 2 to 100");
    assertThatThrownBy(
            () -> terms(3, List.of(new GoldItem(ITEM, List.of("fish"))), 3, "1", 0.5, null))
        .hasMessageContaining("\"fish\" is not one of the campaign's labels");
    assertThatThrownBy(
            () ->
                terms(
                    3,
                    List.of(new GoldItem(ITEM, List.of("cat")), new GoldItem(ITEM, List.of("dog"))),
                    3,
                    "1",
                    0.5,
                    null))
        .hasMessageContaining("appears twice");
  }
}
