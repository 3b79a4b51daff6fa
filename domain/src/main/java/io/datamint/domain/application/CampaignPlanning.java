package io.datamint.domain.application;

import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.application.PublishingService.UnknownDatasetException;
import io.datamint.domain.model.campaign.VersionItems;
import io.datamint.domain.model.campaign.WalletBalances;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.shared.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;

/**
 * What the campaign form asks before a campaign exists: whether the gold items a contributor named
 * are items of the version, and what their wallet holds to fund it. {@link CampaignService#create}
 * checks the same again; these answers only let the form say what is wrong early and precisely.
 */
@ApplicationScoped
public class CampaignPlanning {

  private DatasetRepository datasets;
  private VersionItems versionItems;
  private WalletBalances balances;

  protected CampaignPlanning() {
    // for CDI proxies
  }

  @Inject
  public CampaignPlanning(
      DatasetRepository datasets, VersionItems versionItems, WalletBalances balances) {
    this.datasets = datasets;
    this.versionItems = versionItems;
    this.balances = balances;
  }

  /**
   * The ids among {@code items} that are not items of the version of the owner's dataset.
   *
   * @throws UnknownDatasetException when there is no such dataset
   * @throws NotPermittedException when it is someone else's (only owners plan campaigns on it)
   */
  @Transactional
  public Set<ItemId> missingItems(
      ContributorId owner, DatasetId datasetId, int version, Collection<ItemId> items) {
    Dataset dataset =
        datasets.find(datasetId).orElseThrow(() -> new UnknownDatasetException(datasetId));
    if (!dataset.isOwnedBy(owner)) {
      throw new NotPermittedException("only the dataset's owner may run a campaign on it");
    }
    return versionItems.missing(dataset.version(version).id(), items);
  }

  /**
   * The payment tokens the wallet holds; read outside any transaction (a chain call).
   *
   * @throws io.datamint.domain.model.chain.ChainUnavailableException when the chain is unreachable
   */
  public TokenAmount balance(WalletAddress wallet) {
    return balances.paymentTokens(wallet);
  }
}
