package io.datamint.domain.model.dataset;

import java.util.Set;

/**
 * The record of every pin the product makes, kept in the database beside the datasets. A pin is
 * recorded as requested before it is made and confirmed after, so that after a crash a
 * reconciliation can finish or undo it; a pin in the node that no record explains is an orphan and
 * is removed.
 */
public interface PinLedger {

  void pinRequested(Cid cid, String reference);

  void pinConfirmed(Cid cid, String reference);

  /** Removes the reference's record; answers how many references still hold the CID. */
  int released(Cid cid, String reference);

  /** Every CID some reference holds (requested or confirmed): these must stay pinned. */
  Set<Cid> heldCids();
}
