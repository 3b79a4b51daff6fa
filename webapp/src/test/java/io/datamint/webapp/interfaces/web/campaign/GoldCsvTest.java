package io.datamint.webapp.interfaces.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.interfaces.web.campaign.GoldCsv.Parsed;
import io.datamint.webapp.interfaces.web.campaign.GoldCsv.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldCsvTest {

  private static final LabelSchema PETS = LabelSchema.single("cat", "dog");
  private static final String A = "0123456789abcdef-000001";
  private static final String B = "0123456789abcdef-000002";

  @Test
  void readsItemsAndAnswersWithOrWithoutAHeader() {
    Parsed withHeader = GoldCsv.parse("item_id,label\n" + A + ",cat\n" + B + ",dog\n", PETS);
    Parsed without = GoldCsv.parse(A + ",cat\r\n\r\n" + B + ", dog ", PETS);

    List<GoldItem> expected =
        List.of(
            new GoldItem(new ItemId(A), List.of("cat")),
            new GoldItem(new ItemId(B), List.of("dog")));
    assertThat(withHeader.ok()).isTrue();
    assertThat(withHeader.gold()).isEqualTo(expected);
    assertThat(without.problems()).isEmpty();
    assertThat(without.gold()).isEqualTo(expected);
    assertThat(without.lines()).extracting(GoldCsv.Line::number).containsExactly(1, 3);
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String csv =
        "item_id,label\n"
            + A
            + ",cat\n"
            + "not-an-id,dog\n"
            + B
            + ",horse\n"
            + A
            + ",dog\n"
            + B
            + "\n"
            + "\"unclosed,cat\n";

    Parsed parsed = GoldCsv.parse(csv, PETS);

    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 6, 7);
    assertThat(parsed.problems().get(0).toString())
        .isEqualTo("line 3: \"not-an-id\" is not an item id (16 hex digits, a dash, the ordinal)");
    assertThat(parsed.problems().get(1).message()).contains("\"horse\" is not one of");
    assertThat(parsed.problems().get(2).message()).isEqualTo("item " + A + " is already on line 2");
    assertThat(parsed.problems().get(3).message()).startsWith("expected 2 fields");
    assertThat(parsed.problems().get(4).message()).isEqualTo("an unterminated quote");
    assertThat(parsed.lines()).hasSize(1);
  }

  @Test
  void multiLabelAnswersListLabelsSeparatedByBarsInTheSchemasOrder() {
    LabelSchema topics = LabelSchema.multi("sport", "politics", "science");

    Parsed parsed = GoldCsv.parse(A + ",\"science|sport\"\n" + B + ",sport,politics\n", topics);

    assertThat(parsed.lines().get(0).answer()).containsExactly("sport", "science");
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("separate several labels with |");
            });
  }

  @Test
  void aSingleLabelCampaignRefusesTwoLabelsForOneItem() {
    Parsed parsed = GoldCsv.parse(A + ",cat|dog\n", PETS);

    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("exactly one label"));
  }

  @Test
  void itemsNotInTheVersionBecomeProblemsOnTheirLines() {
    Parsed parsed = GoldCsv.parse("item_id,label\n" + A + ",cat\n" + B + ",dog\n", PETS);

    Parsed checked = parsed.withMissing(Set.of(new ItemId(B)));

    assertThat(checked.ok()).isFalse();
    assertThat(checked.problems())
        .containsExactly(new Problem(3, "item " + B + " is not an item of this version"));
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() {
    Parsed parsed = GoldCsv.parse("\uFEFFitem_id,label\n" + A + ",dog\n", PETS);

    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.gold()).hasSize(1);
  }
}
