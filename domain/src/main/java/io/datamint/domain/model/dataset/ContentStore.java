package io.datamint.domain.model.dataset;

import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Content-addressed storage (IPFS). Everything stored is public: callers store only ciphertext or
 * content meant to be public (previews, metadata). Every pin is recorded in the {@link PinLedger}
 * under a reference (who needs it, e.g. {@code dataset:<id>:v1:content}) before it is made, so that
 * no pin is orphaned; a CID stays pinned while any reference holds it.
 */
public interface ContentStore {

  /**
   * Stores and pins the bytes, checking that the CID the store reports is the CID of the bytes
   * sent.
   *
   * @param progress told the number of bytes sent so far
   * @throws ContentStoreException when the store is down, refuses or reports a wrong CID
   */
  StoredObject store(ContentSource content, String reference, LongConsumer progress);

  /** The stored bytes; the caller closes the stream. */
  InputStream open(Cid cid);

  /** Drops {@code reference}'s hold on the CID, and the pin once no reference holds it. */
  void release(Cid cid, String reference);

  boolean isPinned(Cid cid);
}
