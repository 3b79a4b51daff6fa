package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;
import java.util.UUID;

/**
 * A regular (not gold) label that validation accepted and that has no credit yet, with the wallet
 * of its labeler's custodial account, which is where the reward goes.
 *
 * @param label the label's lease id, which identifies it
 */
public record AcceptedLabel(
    UUID label, CampaignId campaign, LabelerId labeler, WalletAddress wallet) {

  public AcceptedLabel {
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(labeler, "labeler must not be null");
    Objects.requireNonNull(wallet, "wallet must not be null");
  }
}
