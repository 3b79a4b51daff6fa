package io.datamint.pipeline.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.PersonalDataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataScannerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "write to jane.doe+x@mail.example.co.uk today | EMAIL_ADDRESS",
        "card 5555555555554444                       | PAYMENT_CARD",
        "amex 3782-822463-10005                      | PAYMENT_CARD",
        "GB82 WEST 1234 5698 7654 32                 | IBAN",
        "FR1420041010050500013M02606                 | IBAN",
        "call (415) 555-2671                         | PHONE_NUMBER",
        "tel +49 30 901820                           | PHONE_NUMBER",
      })
  void findsPersonalData(String text, PersonalDataKind kind) {
    PersonalDataScanner s = new PersonalDataScanner();
    s.scan(text);
    assertThat(s.flags()).extracting(PersonalDataFlag::kind).containsExactly(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "order 4111111111111112 (fails Luhn)",
        "DE89 3704 0044 0532 0130 01 (fails mod-97)",
        "2024-01-05",
        "version 1.2.3.4",
        "price 1234.56",
        "no at sign here",
        "id 1234567890123",
      })
  void ignoresLookalikes(String text) {
    PersonalDataScanner s = new PersonalDataScanner();
    s.scan(text);
    assertThat(s.flags()).isEmpty();
  }

  @Test
  void masksEverythingItFindsInPlace() {
    PersonalDataScanner s = new PersonalDataScanner();
    String masked =
        s.mask("mail ada@example.com, card 4111-1111-1111-1111, iban DE89370400440532013000");
    assertThat(masked)
        .doesNotContain("ada@")
        .doesNotContain("4111-1111-1111-1111")
        .doesNotContain("0532013000")
        .contains("1111")
        .startsWith("mail a***@e***.com");
    assertThat(s.flags()).as("masking does not count").isEmpty();
  }

  @Test
  void countsEveryOccurrenceButKeepsAtMostThreeExamples() {
    PersonalDataScanner s = new PersonalDataScanner();
    for (int i = 0; i < 10; i++) {
      s.scan((char) ('a' + i) + "x@example.com");
    }
    PersonalDataFlag f = s.flags().get(0);
    assertThat(f.occurrences()).isEqualTo(10);
    assertThat(f.maskedExamples()).hasSize(3).allMatch(e -> e.endsWith("***@e***.com"));
  }

  @Test
  void checksumsAreRight() {
    assertThat(Checksums.luhn("79927398713")).isTrue();
    assertThat(Checksums.luhn("79927398710")).isFalse();
    assertThat(Checksums.isIban("GB82WEST12345698765432")).isTrue();
    assertThat(Checksums.isIban("GB82WEST12345698765433")).isFalse();
    assertThat(Checksums.isIban("DE8937040044053201300")).as("wrong length for DE").isFalse();
  }
}
