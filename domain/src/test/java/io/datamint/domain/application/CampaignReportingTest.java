package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.CampaignReporting.CampaignReport;
import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.CustodialWallet;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.CampaignFigures.LabelerTally;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignRepository;
import io.datamint.domain.model.campaign.CampaignStatistics;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.campaign.TaskQueue;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.shared.WrappedKey;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who reads a campaign's dashboard, and what it adds to the statistics port's figures. */
class CampaignReportingTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final ContributorId OWNER = new ContributorId("owner-subject");
  private static final ContributorId LABELER = new ContributorId("labeler-subject");

  private final Map<CampaignId, Campaign> stored = new HashMap<>();
  private final TokenizationFakes.Accounts accounts = new TokenizationFakes.Accounts();
  private final CampaignStatistics statistics =
      (campaign, schema, k, top) ->
          new CampaignFigures(
              k,
              List.of(1L, 1L, 2L),
              Map.of("cat", 4L, "dog", 1L),
              2,
              1,
              List.of(0L, 1L, 1L),
              2,
              1,
              2,
              0,
              0,
              2,
              List.of(
                  new LabelerTally(new LabelerId(LABELER.value()), 3, 2, 1),
                  new LabelerTally(new LabelerId("gone-subject"), 2, 0, 0)));
  private final CampaignService campaigns =
      new CampaignService(
          fake(CampaignRepository.class, this::repository),
          fake(TaskQueue.class, (name, args) -> new QueueCounts(5, 1, 8, 5, 0, 2, 0)),
          null,
          accounts,
          null,
          null,
          Clock.fixed(NOW, ZoneOffset.UTC),
          null);
  private final CampaignReporting reporting =
      new CampaignReporting(campaigns, statistics, accounts);

  @Test
  void theOwnerReadsTheFiguresWithTheMoneyAndTheLabelersNames() {
    accounts.add(
        new Account(
            new Identity(LABELER.value(), "labeler1", "L", null, Set.of(Role.LABELER)),
            new CustodialWallet(
                WalletAddress.of("0x" + "b2".repeat(20)), new WrappedKey("m", new byte[] {1})),
            NOW));
    Campaign campaign = campaign(true);

    CampaignReport report = reporting.report(campaign.id(), OWNER, false);

    assertThat(report.figures().agreement()).hasValue(0.5);
    assertThat(report.spent()).as("2 accepted × 1.5").isEqualTo(TokenAmount.ofTokens("3"));
    assertThat(report.left()).isEqualTo(TokenAmount.ofTokens("9"));
    assertThat(report.nameOf(new LabelerId(LABELER.value()))).isEqualTo("labeler1");
    assertThat(report.nameOf(new LabelerId("gone-subject")))
        .as("no account: the id")
        .isEqualTo("gone-subject");
    assertThat(report.view().counts().slots()).isEqualTo(8);
  }

  @Test
  void anAdminReadsAnyCampaignsFigures() {
    Campaign campaign = campaign(false);

    assertThat(reporting.report(campaign.id(), new ContributorId("admin"), true).campaign())
        .isEqualTo(campaign);
  }

  @Test
  void aLabelerSeesAPublishedCampaignButNotHowOthersAnswered() {
    Campaign campaign = campaign(true);

    assertThatThrownBy(() -> reporting.report(campaign.id(), LABELER, false))
        .isInstanceOf(NotPermittedException.class);
  }

  @Test
  void anUnfundedCampaignDoesNotExistForOthers() {
    Campaign campaign = campaign(false);

    assertThatThrownBy(() -> reporting.report(campaign.id(), LABELER, false))
        .isInstanceOf(UnknownCampaignException.class);
  }

  @Test
  void theOwnersListHasEveryCampaignWithItsCounts() {
    campaign(true);
    campaign(false);

    assertThat(reporting.mine(OWNER))
        .hasSize(2)
        .allSatisfy(v -> assertThat(v.counts().labeled()).isEqualTo(5));
    assertThat(reporting.mine(LABELER)).isEmpty();
  }

  /** The owner's campaign on 5 items (1 gold), k = 2, reward 1.5, budget 12; OPEN if funded. */
  private Campaign campaign(boolean funded) {
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
    Campaign campaign =
        new Campaign(
            CampaignId.random(), OWNER, DatasetId.newId(), 1, UUID.randomUUID(), 4, terms, NOW);
    if (funded) {
      campaign.fund(NOW);
      campaign.funded(TxHash.of("0x" + "ab".repeat(32)), NOW);
    }
    stored.put(campaign.id(), campaign);
    return campaign;
  }

  private Object repository(String method, Object[] args) {
    return switch (method) {
      case "find" -> Optional.ofNullable(stored.get((CampaignId) args[0]));
      case "findByOwner" ->
          stored.values().stream().filter(c -> c.isOwnedBy((ContributorId) args[0])).toList();
      case "findOperations" -> List.of();
      default -> throw new UnsupportedOperationException(method);
    };
  }

  private interface Answer {
    Object of(String method, Object[] args);
  }

  private static <T> T fake(Class<T> port, Answer answer) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> answer.of(method.getName(), args)));
  }
}
