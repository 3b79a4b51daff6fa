package io.datamint.validation.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirichletMultinomialFitTest {

  private static final double[] NO_HYPERPRIOR = {0, 0};

  /** A Gamma(shape, 1) draw for an integer shape: a sum of exponentials. */
  private static double gamma(int shape, Random random) {
    double sum = 0;
    for (int i = 0; i < shape; i++) {
      sum -= Math.log(1 - random.nextDouble());
    }
    return sum;
  }

  /** Binary count vectors of labelers whose accuracies are drawn from Beta(right, wrong). */
  private static List<double[]> labelers(int count, int labels, int right, int wrong, long seed) {
    Random random = new Random(seed);
    List<double[]> rows = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      double a = gamma(right, random);
      double p = a / (a + gamma(wrong, random));
      rows.add(counts(labels, p, random));
    }
    return rows;
  }

  private static double[] counts(int labels, double accuracy, Random random) {
    double[] row = new double[2];
    for (int n = 0; n < labels; n++) {
      row[random.nextDouble() < accuracy ? 0 : 1]++;
    }
    return row;
  }

  private static double centre(double[] alpha) {
    return alpha[0] / (alpha[0] + alpha[1]);
  }

  @Test
  void recoversThePlantedPriorFromManyLabelers() {
    double[][] rows = labelers(400, 20, 8, 2, 3).toArray(double[][]::new);

    double[] alpha = DirichletMultinomialFit.fit(rows, NO_HYPERPRIOR, new double[] {1, 1}, 1e4);

    // Planted: centre 0.8, strength 10.
    assertThat(centre(alpha)).isBetween(0.77, 0.83);
    assertThat(alpha[0] + alpha[1]).isBetween(6.0, 16.0);
  }

  @Test
  void weighsLabelersNotLabels() {
    Random random = new Random(5);
    List<double[]> rows = new ArrayList<>();
    for (int j = 0; j < 5; j++) {
      rows.add(counts(400, 0.5, random)); // prolific coin-flippers
    }
    rows.addAll(labelers(100, 10, 17, 3, 7)); // occasional labelers, about 85% right
    double[][] all = rows.toArray(double[][]::new);
    double right = 0;
    double total = 0;
    for (double[] row : all) {
      right += row[0];
      total += row[0] + row[1];
    }

    double[] alpha = DirichletMultinomialFit.fit(all, NO_HYPERPRIOR, new double[] {1, 1}, 1e4);

    assertThat(right / total).as("pooled share of right labels").isLessThan(0.65);
    assertThat(centre(alpha)).as("fitted centre").isGreaterThan(0.75);
  }

  @Test
  void neverEndsBelowItsStartAndKeepsTheStrengthCap() {
    // Identical labelers: no spread between them, so the likelihood rises without bound in the
    // strength; the cap must hold.
    double[][] rows = new double[50][];
    for (int j = 0; j < rows.length; j++) {
      rows[j] = new double[] {8, 2};
    }
    double[] hyperprior = {2, 1};
    double[] start = {0.5, 0.5};

    double[] alpha = DirichletMultinomialFit.fit(rows, hyperprior, start, 500);

    assertThat(alpha[0] + alpha[1]).isLessThanOrEqualTo(500 + 1e-9);
    assertThat(centre(alpha)).isBetween(0.75, 0.85);
    assertThat(DirichletMultinomialFit.objective(rows, hyperprior, alpha))
        .isGreaterThanOrEqualTo(DirichletMultinomialFit.objective(rows, hyperprior, start));
  }

  @Test
  void theHyperpriorOnTheCentreDecidesWhenTheLabelersSayLittle() {
    // Two labelers with one label each: the centre stays on the better-than-chance side.
    double[][] rows = {{1, 0}, {0, 1}};

    double[] alpha =
        DirichletMultinomialFit.fit(rows, new double[] {2, 1}, new double[] {1, 1}, 1e4);

    assertThat(centre(alpha)).isGreaterThan(0.5);
  }
}
