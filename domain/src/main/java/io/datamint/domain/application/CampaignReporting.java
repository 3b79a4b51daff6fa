package io.datamint.domain.application;

import io.datamint.domain.application.CampaignService.CampaignView;
import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.CampaignFigures.LabelerTally;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignStatistics;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The owner's view of their campaigns: the dashboard of one (where the work, the labels and the
 * money stand) and the list of all. Only the owner and admins read a dashboard: labelers see a
 * published campaign's terms, never how other labelers answered.
 */
@ApplicationScoped
@Transactional
public class CampaignReporting {

  /** How many labelers a dashboard ranks. */
  public static final int TOP_LABELERS = 10;

  private CampaignService campaigns;
  private CampaignStatistics statistics;
  private AccountRepository accounts;

  /** A campaign with its figures and what its top labelers are called. */
  public record CampaignReport(
      CampaignView view, CampaignFigures figures, Map<LabelerId, String> labelerNames) {

    public CampaignReport {
      Objects.requireNonNull(view, "view must not be null");
      Objects.requireNonNull(figures, "figures must not be null");
      labelerNames = Map.copyOf(labelerNames);
    }

    public Campaign campaign() {
      return view.campaign();
    }

    /** Accepted labels × reward (no payout ledger yet: the accepted labels are what is owed). */
    public TokenAmount spent() {
      return figures.spent(campaign().reward());
    }

    public TokenAmount left() {
      return figures.left(campaign().budget(), campaign().reward());
    }

    public String nameOf(LabelerId labeler) {
      return labelerNames.getOrDefault(labeler, labeler.value());
    }
  }

  protected CampaignReporting() {
    // for CDI proxies
  }

  @Inject
  public CampaignReporting(
      CampaignService campaigns, CampaignStatistics statistics, AccountRepository accounts) {
    this.campaigns = campaigns;
    this.statistics = statistics;
    this.accounts = accounts;
  }

  /**
   * The dashboard's numbers.
   *
   * @throws UnknownCampaignException when the viewer may not even see the campaign
   * @throws NotPermittedException when the viewer sees it (a labeler) but is neither owner nor
   *     admin
   */
  public CampaignReport report(CampaignId id, ContributorId viewer, boolean admin) {
    CampaignView view = campaigns.view(id, viewer, admin);
    Campaign campaign = view.campaign();
    if (!admin && !campaign.isOwnedBy(viewer)) {
      throw new NotPermittedException("only the campaign's owner (or an admin) reads its figures");
    }
    CampaignFigures figures =
        statistics.figures(id, campaign.schema(), campaign.labelsPerItem(), TOP_LABELERS);
    Map<LabelerId, String> names = new LinkedHashMap<>();
    for (LabelerTally tally : figures.topLabelers()) {
      accounts
          .findBySubject(tally.labeler().value())
          .map(Account::username)
          .ifPresent(name -> names.put(tally.labeler(), name));
    }
    return new CampaignReport(view, figures, names);
  }

  /** The owner's campaigns with their counts, newest first. */
  public List<CampaignView> mine(ContributorId owner) {
    return campaigns.ownedBy(owner).stream()
        .map(c -> campaigns.view(c.id(), owner, false))
        .toList();
  }
}
