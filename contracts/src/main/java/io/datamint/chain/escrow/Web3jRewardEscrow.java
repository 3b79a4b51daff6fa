package io.datamint.chain.escrow;

import io.datamint.chain.ChainClient;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.merkle.MerkleTree;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.RewardEscrow;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The reward escrow on chain. Deposits are signed by the funder's custodial wallet (an approval,
 * then the deposit, each its own idempotent operation); settlements and relayed claims by the
 * platform, which holds the validator role and pays the gas of claims.
 */
public final class Web3jRewardEscrow implements RewardEscrow {

  private final ChainClient chain;
  private final io.datamint.chain.generated.RewardEscrow escrow;
  private final MockPaymentToken token;
  private final String address;
  private final String tokenAddress;

  public Web3jRewardEscrow(ChainClient chain, DatamintContracts contracts) {
    this.chain = Objects.requireNonNull(chain, "chain must not be null");
    this.address = contracts.rewardEscrow().value();
    this.tokenAddress = contracts.paymentToken().value();
    this.escrow =
        io.datamint.chain.generated.RewardEscrow.load(
            address, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    this.token =
        MockPaymentToken.load(tokenAddress, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
  }

  /** The campaign's UUID in the low 16 bytes of a bytes32. */
  public static byte[] campaignKey(EscrowCampaignId campaign) {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    buffer.position(16);
    buffer.putLong(campaign.campaign().getMostSignificantBits());
    buffer.putLong(campaign.campaign().getLeastSignificantBits());
    return buffer.array();
  }

  @Override
  public TxHash openCampaign(
      ChainOperationKey key,
      WalletKey funder,
      EscrowCampaignId campaign,
      TokenAmount budget,
      Instant endsAt) {
    Credentials credentials = ChainClient.credentials(funder);
    approve(key, credentials, budget);
    String data =
        escrow
            .openCampaign(
                campaignKey(campaign), budget.units(), BigInteger.valueOf(endsAt.getEpochSecond()))
            .encodeFunctionCall();
    return TxHash.of(send(key, credentials, data).getTransactionHash());
  }

  @Override
  public TxHash deposit(
      ChainOperationKey key, WalletKey from, EscrowCampaignId campaign, TokenAmount amount) {
    Credentials credentials = ChainClient.credentials(from);
    approve(key, credentials, amount);
    String data = escrow.deposit(campaignKey(campaign), amount.units()).encodeFunctionCall();
    return TxHash.of(send(key, credentials, data).getTransactionHash());
  }

  @Override
  public Settlement postSettlement(
      ChainOperationKey key, EscrowCampaignId campaign, List<Entitlement> entitlements) {
    MerkleTree tree = MerkleTree.of(entitlements);
    String data =
        escrow
            .postSettlement(campaignKey(campaign), tree.rootBytes(), tree.total())
            .encodeFunctionCall();
    TransactionReceipt receipt = send(key, chain.platform(), data);
    io.datamint.chain.generated.RewardEscrow.SettlementPostedEventResponse posted =
        ChainClient.event(
            receipt,
            address,
            io.datamint.chain.generated.RewardEscrow.SETTLEMENTPOSTED_EVENT,
            io.datamint.chain.generated.RewardEscrow::getSettlementPostedEventFromLog);
    return new Settlement(
        posted.epoch.longValueExact(),
        tree.root(),
        TokenAmount.ofUnits(posted.entitled),
        TxHash.of(receipt.getTransactionHash()));
  }

  @Override
  public Claim claim(
      ChainOperationKey key,
      EscrowCampaignId campaign,
      List<Entitlement> latestSettlement,
      WalletAddress labeler) {
    return claimSignedBy(key, chain.platform(), campaign, latestSettlement, labeler);
  }

  /** A claim sent by the labeler's own wallet instead of relayed by the platform. */
  public Claim claimAsLabeler(
      ChainOperationKey key,
      WalletKey labeler,
      EscrowCampaignId campaign,
      List<Entitlement> latestSettlement) {
    return claimSignedBy(
        key, ChainClient.credentials(labeler), campaign, latestSettlement, labeler.address());
  }

  @Override
  public TxHash closeCampaign(ChainOperationKey key, WalletKey funder, EscrowCampaignId campaign) {
    String data = escrow.closeCampaign(campaignKey(campaign)).encodeFunctionCall();
    return TxHash.of(send(key, ChainClient.credentials(funder), data).getTransactionHash());
  }

  @Override
  public CampaignBalance balance(EscrowCampaignId campaign) {
    io.datamint.chain.generated.RewardEscrow.Campaign c =
        chain.read(escrow.campaignOf(campaignKey(campaign)), "campaign " + campaign);
    return new CampaignBalance(
        TokenAmount.ofUnits(c.deposited),
        TokenAmount.ofUnits(c.entitled),
        TokenAmount.ofUnits(c.paid),
        TokenAmount.ofUnits(c.refunded),
        c.epoch.longValueExact(),
        c.closed);
  }

  @Override
  public TokenAmount claimed(EscrowCampaignId campaign, WalletAddress labeler) {
    return TokenAmount.ofUnits(
        chain.read(escrow.claimed(campaignKey(campaign), labeler.value()), "a claimed amount"));
  }

  private Claim claimSignedBy(
      ChainOperationKey key,
      Credentials signer,
      EscrowCampaignId campaign,
      List<Entitlement> latestSettlement,
      WalletAddress labeler) {
    MerkleTree tree = MerkleTree.of(latestSettlement);
    BigInteger cumulative = tree.amountOf(labeler);
    String data =
        escrow
            .claim(campaignKey(campaign), labeler.value(), cumulative, tree.proof(labeler))
            .encodeFunctionCall();
    TransactionReceipt receipt = send(key, signer, data);
    io.datamint.chain.generated.RewardEscrow.RewardClaimedEventResponse claimed =
        ChainClient.event(
            receipt,
            address,
            io.datamint.chain.generated.RewardEscrow.REWARDCLAIMED_EVENT,
            io.datamint.chain.generated.RewardEscrow::getRewardClaimedEventFromLog);
    return new Claim(
        labeler,
        TokenAmount.ofUnits(claimed.amount),
        TokenAmount.ofUnits(claimed.cumulativeAmount),
        TxHash.of(receipt.getTransactionHash()));
  }

  /** Approves exactly {@code amount}, as its own operation so that a retry never re-approves. */
  private void approve(ChainOperationKey key, Credentials owner, TokenAmount amount) {
    String data = token.approve(address, amount.units()).encodeFunctionCall();
    chain
        .sender()
        .send(
            new ChainOperationKey(key.value() + ":approve"),
            owner,
            tokenAddress,
            data,
            BigInteger.ZERO);
  }

  private TransactionReceipt send(ChainOperationKey key, Credentials signer, String data) {
    return chain.sender().send(key, signer, address, data, BigInteger.ZERO);
  }

  static String hex(byte[] bytes) {
    return Numeric.toHexString(bytes);
  }
}
