package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment the escrow made to a labeler ({@code RewardClaimed}), seen in a relayed claim's receipt
 * or in the event log, whoever sent it. {@code (transaction, campaign, wallet)} identifies it (the
 * escrow pays a labeler at most once per claim call): recording it again changes nothing, so a
 * replayed event or a receipt and its event never count twice.
 *
 * @param cumulative what the labeler was paid in the campaign in total after this payment
 * @param block the block it was seen in, when it came from the event log
 */
public record PaidClaim(
    TxHash transaction,
    CampaignId campaign,
    WalletAddress wallet,
    TokenAmount amount,
    TokenAmount cumulative,
    Optional<Long> block) {

  public PaidClaim {
    Objects.requireNonNull(transaction, "transaction must not be null");
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(wallet, "wallet must not be null");
    Objects.requireNonNull(amount, "amount must not be null");
    Objects.requireNonNull(cumulative, "cumulative must not be null");
    Objects.requireNonNull(block, "block must not be null");
    if (amount.compareTo(cumulative) > 0) {
      throw new IllegalArgumentException("a payment cannot exceed the total paid after it");
    }
  }
}
