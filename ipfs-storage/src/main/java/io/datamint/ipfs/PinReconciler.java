package io.datamint.ipfs;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.domain.model.dataset.PinLedger;
import io.datamint.ipfs.kubo.KuboClient;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Kubo's recursive pins match the ledger: pins no record explains (orphans, e.g. made by hand
 * or left by a crash in older code) are removed, records without a pin (a crash between recording
 * and pinning, a node restored from backup) are pinned again. Run it at start-up and now and then;
 * it assumes the Kubo node belongs to Datamint alone.
 */
public final class PinReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(PinReconciler.class);

  private final KuboClient kubo;
  private final PinLedger ledger;

  /** What a run changed, and what it could not pin again (content no longer available). */
  public record Result(Set<Cid> orphansUnpinned, Set<Cid> repinned, Set<Cid> failed) {}

  public PinReconciler(KuboClient kubo, PinLedger ledger) {
    this.kubo = Objects.requireNonNull(kubo, "kubo must not be null");
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
  }

  public Result reconcile() {
    Set<Cid> pinned = kubo.pinLs();
    Set<Cid> held = ledger.heldCids();
    Set<Cid> orphans = new LinkedHashSet<>(pinned);
    orphans.removeAll(held);
    Set<Cid> missing = new LinkedHashSet<>(held);
    missing.removeAll(pinned);
    for (Cid c : orphans) {
      kubo.pinRm(c);
      LOG.warn("removed orphaned pin {} (no ledger record)", c);
    }
    Set<Cid> repinned = new LinkedHashSet<>();
    Set<Cid> failed = new LinkedHashSet<>();
    for (Cid c : missing) {
      try {
        kubo.pinAdd(c);
        repinned.add(c);
        LOG.warn("pinned {} again (recorded but not pinned)", c);
      } catch (ContentStoreException e) {
        failed.add(c);
        LOG.error("could not pin {} again: {}", c, e.getMessage());
      }
    }
    return new Result(orphans, repinned, failed);
  }
}
