package io.datamint.domain.model.campaign;

/** What an escrow operation does on chain. */
public enum EscrowOperationKind {
  /** {@code openCampaign}: the budget deposited from the owner's custodial wallet. */
  OPEN,
  /** {@code closeCampaign}: what no labeler is entitled to goes back to the owner. */
  REFUND
}
