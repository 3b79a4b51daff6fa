package io.datamint.ipfs;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.PinLedger;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.ipfs.kubo.AddResult;
import io.datamint.ipfs.kubo.KuboClient;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain's {@link ContentStore} on a Kubo node.
 *
 * <p>Order of a store, chosen so that a crash at any point leaves nothing unexplained: (1) add
 * without pinning (Kubo's CID checked against the bytes sent); (2) record the pin as requested in
 * the ledger; (3) pin; (4) confirm it in the ledger. A crash after (1) leaves unpinned blocks that
 * Kubo's garbage collection removes; after (2) a requested pin that {@link PinReconciler} makes or
 * drops; there is never a pin in Kubo without a ledger record. When the pin itself fails, the store
 * releases the reference before it rethrows, since the caller never learns the CID. A release
 * removes the ledger record first and unpins only when no other reference holds the CID (the same
 * bytes stored twice give one CID).
 */
public final class KuboContentStore implements ContentStore {

  private static final Logger LOG = LoggerFactory.getLogger(KuboContentStore.class);

  private final KuboClient kubo;
  private final PinLedger ledger;

  public KuboContentStore(KuboClient kubo, PinLedger ledger) {
    this.kubo = Objects.requireNonNull(kubo, "kubo must not be null");
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
  }

  @Override
  public StoredObject store(ContentSource content, String reference, LongConsumer progress) {
    Objects.requireNonNull(reference, "reference must not be null");
    AddResult added = kubo.add(content, false, progress);
    ledger.pinRequested(added.cid(), reference);
    try {
      kubo.pinAdd(added.cid());
    } catch (RuntimeException e) {
      // the caller never learns the CID, so it cannot release it: undo here. Should the pin have
      // been made after all (an answer lost to a timeout), the reconciler removes it as an orphan.
      try {
        release(added.cid(), reference);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    ledger.pinConfirmed(added.cid(), reference);
    LOG.info("stored and pinned {} ({} bytes) for {}", added.cid(), added.bytes(), reference);
    return new StoredObject(added.cid(), added.bytes());
  }

  @Override
  public InputStream open(Cid cid) {
    return kubo.cat(cid);
  }

  @Override
  public InputStream open(Cid cid, long offset, long length) {
    return kubo.cat(cid, offset, length);
  }

  @Override
  public void release(Cid cid, String reference) {
    int remaining = ledger.released(cid, reference);
    if (remaining == 0) {
      kubo.pinRm(cid);
      LOG.info("unpinned {} (released by {})", cid, reference);
    }
  }

  @Override
  public boolean isPinned(Cid cid) {
    return kubo.isPinned(cid);
  }
}
