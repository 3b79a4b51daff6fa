package io.datamint.validation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairRelationTest {

  private static final float[] X = {1f, 0f};

  @Test
  void wordsAreLowerCasedAndKeepContractionsAndNumbersWhole() {
    assertThat(PairRelation.words("Kenya’s GDP didn't grow 3.5% in 2,004 (U.S. data)."))
        .containsExactly("kenya's", "gdp", "didn't", "grow", "3.5", "in", "2004", "u.s", "data");
  }

  @Test
  void coverageCountsContentWordsOfTheSecondTextFoundInTheFirst() {
    List<String> premise = PairRelation.words("The film won six Oscars in 2004.");

    assertThat(PairRelation.coverage(premise, PairRelation.words("The film won."))).isEqualTo(1.0);
    assertThat(PairRelation.coverage(premise, PairRelation.words("Two films won six Oscars.")))
        .isEqualTo(0.6); // won, six, oscars of two, films, won, six, oscars
    assertThat(PairRelation.coverage(premise, PairRelation.words("It was the one.")))
        .isEqualTo(0.0); // only "one" is a content word
    assertThat(PairRelation.coverage(premise, PairRelation.words("of the"))).isEqualTo(1.0);
  }

  @Test
  void aNumberOfTheSecondTextAbsentFromTheFirstIsAMismatch() {
    double[] same = PairRelation.features("Sales rose 12% in 2004.", "Sales rose in 2004.", X, X);
    double[] other = PairRelation.features("Sales rose 12% in 2004.", "Sales rose in 2005.", X, X);
    double[] written = PairRelation.features("It cost 1,000 euros.", "It cost 1000 euros.", X, X);

    assertThat(same[3]).isZero();
    assertThat(other[3]).isEqualTo(1.0);
    assertThat(written[3]).isZero();
  }

  @Test
  void aNegationInOnlyOneTextIsAMismatch() {
    assertThat(PairRelation.features("He won.", "He did not win.", X, X)[4]).isEqualTo(1.0);
    assertThat(PairRelation.features("He won.", "He didn’t win.", X, X)[4]).isEqualTo(1.0);
    assertThat(PairRelation.features("He never lost.", "He didn't win.", X, X)[4]).isZero();
    assertThat(PairRelation.features("He won.", "He won.", X, X)[4]).isZero();
  }

  @Test
  void lengthRatioIsTheLogOfTheWordCountsPlusOne() {
    double[] f = PairRelation.features("one two three four five six seven", "one", X, X);

    assertThat(f[2]).isCloseTo(Math.log(2.0 / 8.0), within(1e-12));
  }

  @Test
  void cosineIsThatOfTheTwoEmbeddings() {
    assertThat(PairRelation.features("a", "b", new float[] {1f, 0f}, new float[] {1f, 1f})[0])
        .isCloseTo(Math.sqrt(0.5), within(1e-9));
    assertThat(PairRelation.features("a", "b", new float[] {0f, 0f}, new float[] {1f, 1f})[0])
        .isZero();
  }
}
