package io.datamint.domain.model.campaign;

/** What an escrow operation does on chain. */
public enum EscrowOperationKind {
  /** {@code openCampaign}: the budget deposited from the owner's custodial wallet. */
  OPEN,
  /** {@code closeCampaign}: what no labeler is entitled to goes back to the owner. */
  REFUND,
  /**
   * {@code postSettlement}: one Merkle root over the campaign's cumulative entitlements of an
   * epoch, signed by the platform (validator role); the leaves are stored before it is sent.
   */
  SETTLE,
  /** {@code claim}, relayed by the platform for a labeler's custodial wallet against a root. */
  CLAIM;

  /** Whether the rewards (settlements and claims) own it, rather than the campaign's budget. */
  public boolean isReward() {
    return this == SETTLE || this == CLAIM;
  }
}
