package io.datamint.webapp.infrastructure.campaign;

import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.webapp.infrastructure.chain.ChainConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Instant;
import java.util.List;

/**
 * The {@link RewardEscrow} port for CDI. Like the tokenizer, each call goes through the {@link
 * ChainConnection} (which connects on first use), so the funding worker can be built, and called,
 * while the node is down: it then gets a {@link
 * io.datamint.domain.model.chain.ChainUnavailableException} and keeps the deposit queued.
 */
@ApplicationScoped
public class CampaignChain {

  private volatile Built built;

  /** The adapter built on one live connection. */
  private record Built(ChainConnection.Connected connection, Web3jRewardEscrow escrow) {}

  @Produces
  @ApplicationScoped
  RewardEscrow rewardEscrow(ChainConnection chain) {
    return new RewardEscrow() {
      @Override
      public TxHash openCampaign(
          ChainOperationKey key,
          WalletKey funder,
          EscrowCampaignId campaign,
          TokenAmount budget,
          Instant endsAt) {
        return escrow(chain).openCampaign(key, funder, campaign, budget, endsAt);
      }

      @Override
      public TxHash deposit(
          ChainOperationKey key, WalletKey from, EscrowCampaignId campaign, TokenAmount amount) {
        return escrow(chain).deposit(key, from, campaign, amount);
      }

      @Override
      public Settlement postSettlement(
          ChainOperationKey key, EscrowCampaignId campaign, List<Entitlement> entitlements) {
        return escrow(chain).postSettlement(key, campaign, entitlements);
      }

      @Override
      public Claim claim(
          ChainOperationKey key,
          EscrowCampaignId campaign,
          List<Entitlement> latestSettlement,
          WalletAddress labeler) {
        return escrow(chain).claim(key, campaign, latestSettlement, labeler);
      }

      @Override
      public TxHash closeCampaign(
          ChainOperationKey key, WalletKey funder, EscrowCampaignId campaign) {
        return escrow(chain).closeCampaign(key, funder, campaign);
      }

      @Override
      public CampaignBalance balance(EscrowCampaignId campaign) {
        return escrow(chain).balance(campaign);
      }

      @Override
      public TokenAmount claimed(EscrowCampaignId campaign, WalletAddress labeler) {
        return escrow(chain).claimed(campaign, labeler);
      }
    };
  }

  private Web3jRewardEscrow escrow(ChainConnection chain) {
    ChainConnection.Connected connection = chain.connect();
    Built current = built;
    if (current == null || current.connection() != connection) {
      current =
          new Built(connection, new Web3jRewardEscrow(connection.client(), connection.contracts()));
      built = current;
    }
    return current.escrow();
  }
}
