package io.datamint.domain.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.TokenAmount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignFiguresTest {

  private static CampaignFigures figures(
      long complete, long agreeing, long accepted, long pending) {
    return new CampaignFigures(
        2,
        List.of(1L, 1L, complete),
        Map.of("cat", 3L),
        complete,
        agreeing,
        List.of(0L, complete - agreeing, agreeing),
        accepted,
        1,
        pending,
        0,
        0,
        2,
        List.of());
  }

  @Test
  void spentIsAcceptedLabelsTimesTheRewardAndLeftIsTheRest() {
    CampaignFigures f = figures(3, 2, 4, 2);
    TokenAmount reward = TokenAmount.ofTokens("1.5");

    assertThat(f.spent(reward)).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(f.committed(reward)).isEqualTo(TokenAmount.ofTokens("3"));
    assertThat(f.left(TokenAmount.ofTokens("12"), reward)).isEqualTo(TokenAmount.ofTokens("6"));
    assertThat(f.regularLabels()).isEqualTo(7);
    assertThat(f.regularItems()).isEqualTo(5);
  }

  @Test
  void leftNeverGoesBelowZero() {
    CampaignFigures f = figures(3, 2, 4, 0);

    assertThat(f.left(TokenAmount.ofTokens("1"), TokenAmount.ofTokens("1")))
        .isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void agreementIsTheShareOfCompleteItemsThatAgreeAndEmptyWithoutCompleteItems() {
    assertThat(figures(4, 3, 0, 0).agreement()).hasValue(0.75);
    assertThat(figures(0, 0, 0, 0).agreement()).isEmpty();
  }

  @Test
  void moreAgreeingThanCompleteItemsIsAnError() {
    assertThatThrownBy(() -> figures(1, 2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
