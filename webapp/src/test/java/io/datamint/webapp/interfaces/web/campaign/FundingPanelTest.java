package io.datamint.webapp.interfaces.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the dashboard says about the deposit in each of its states. */
class FundingPanelTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final Campaign campaign = campaign();
  private final EscrowOperation deposit = EscrowOperation.open(campaign.id(), NOW);
  private final AtomicInteger retries = new AtomicInteger();

  @Test
  void aDepositUnderWaySaysTheAttemptAndWhyItWaits() {
    campaign.fund(NOW);
    deposit.claim(NOW, Duration.ofMinutes(5));
    deposit.postponed("the chain is unreachable: connection refused", Optional.empty(), NOW);

    FundingPanel panel = panel(Optional.empty());

    assertThat(panel.statusText())
        .startsWith("Depositing 12 tokens into the reward escrow")
        .endsWith("Attempt 1.");
    assertThat(text(panel, "funding-message"))
        .startsWith("Waiting: the chain is unreachable: connection refused — next attempt at");
    assertThat(find(panel, "retry-funding")).isEmpty();
  }

  @Test
  void aRefusedDepositSaysWhyAndOffersARetry() {
    campaign.fund(NOW);
    deposit.claim(NOW, Duration.ofMinutes(5));
    deposit.failed("InsufficientFunds", "the wallet needs 12 more", Optional.empty(), NOW);

    FundingPanel panel = panel(Optional.empty());

    assertThat(panel.statusText())
        .isEqualTo(
            "The deposit of 12 tokens failed (InsufficientFunds): the wallet needs 12 more.");
    Button retry = (Button) find(panel, "retry-funding").orElseThrow();
    retry.click();
    assertThat(retries).hasValue(1);
  }

  @Test
  void anOpenCampaignShowsItsFundingTransactionAndAClosedOneItsRefund() {
    campaign.fund(NOW);
    TxHash tx = TxHash.of("0x" + "cd".repeat(32));
    campaign.funded(tx, NOW);
    assertThat(panel(Optional.empty()).statusText())
        .isEqualTo("Funded on chain in transaction " + tx.value() + ".");

    EscrowOperation refund =
        EscrowOperation.refund(campaign.id(), NOW, NOW.plus(Duration.ofDays(1)));
    campaign.close(io.datamint.domain.model.campaign.CloseReason.BY_OWNER, null, NOW);
    FundingPanel closed = panel(Optional.of(refund));

    assertThat(text(closed, "refund-status")).startsWith("The unspent budget will be returned");
  }

  @Test
  void aDraftIsNotFundedYet() {
    assertThat(panel(Optional.empty()).statusText()).startsWith("Not funded yet");
  }

  private FundingPanel panel(Optional<EscrowOperation> refund) {
    return new FundingPanel(campaign, Optional.of(deposit), refund, retries::incrementAndGet);
  }

  private static Optional<Component> find(Component root, String id) {
    return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
  }

  private static String text(Component root, String id) {
    return find(root, id).orElseThrow().getElement().getText();
  }

  private static Stream<Component> descendants(Component root) {
    return Stream.concat(
        Stream.of(root), root.getChildren().flatMap(FundingPanelTest::descendants));
  }

  private static Campaign campaign() {
    CampaignTerms terms =
        new CampaignTerms(
            "Pets",
            LabelSchema.single("cat", "dog"),
            "Cat or dog?",
            2,
            List.of(),
            0,
            TokenAmount.ofTokens("1.5"),
            0.5,
            TokenAmount.ofTokens("12"),
            NOW.plus(Duration.ofDays(1)),
            null);
    return new Campaign(
        CampaignId.random(),
        new ContributorId("owner"),
        DatasetId.newId(),
        1,
        UUID.randomUUID(),
        4,
        terms,
        NOW);
  }
}
