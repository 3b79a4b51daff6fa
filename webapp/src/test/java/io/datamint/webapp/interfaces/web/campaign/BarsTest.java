package io.datamint.webapp.interfaces.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datamint.webapp.interfaces.web.campaign.Bars.Bar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarsTest {

  @Test
  void labelsPerItemHasABarForEveryCountFromZeroToKEvenWhenEmpty() {
    Bars bars = Bars.labelsPerItem(List.of(2L, 0L), 3);

    assertThat(bars.bars())
        .containsExactly(
            new Bar("0", "0 labels", 2),
            new Bar("1", "1 label", 0),
            new Bar("2", "2 labels", 0),
            new Bar("3", "3 labels", 0));
  }

  @Test
  void anItemWithMoreThanKLabelsGetsItsOwnBarRatherThanVanishing() {
    Bars bars = Bars.labelsPerItem(List.of(0L, 1L, 5L, 1L), 2);

    assertThat(bars.bars()).extracting(Bar::key).containsExactly("0", "1", "2", "3");
    assertThat(bars.total()).isEqualTo(7);
  }

  @Test
  void agreementRunsFromFullAgreementDownAndLeavesOutTheEmptyBucket() {
    Bars bars = Bars.agreement(List.of(0L, 1L, 2L, 7L), 3);

    assertThat(bars.bars())
        .containsExactly(
            new Bar("3", "3 of 3 agree", 7),
            new Bar("2", "2 of 3 agree", 2),
            new Bar("1", "1 of 3 agree", 1));
  }

  @Test
  void sharesAreOfTheTotalAndLengthsOfTheLargestBar() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("cat", 3L);
    counts.put("dog", 1L);
    counts.put("bird", 0L);
    Bars bars = Bars.of(counts);

    assertThat(bars.bars()).extracting(Bar::key).containsExactly("cat", "dog", "bird");
    Bar dog = bars.bars().get(1);
    assertThat(bars.share(dog)).isCloseTo(0.25, within(1e-9));
    assertThat(bars.length(dog)).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void nothingCountedDrawsEmptyBarsWithoutDividingByZero() {
    Bars bars = Bars.labelsPerItem(List.of(), 2);

    assertThat(bars.total()).isZero();
    assertThat(bars.bars()).allSatisfy(b -> assertThat(bars.length(b)).isZero());
    assertThat(bars.bars()).allSatisfy(b -> assertThat(bars.share(b)).isZero());
  }
}
