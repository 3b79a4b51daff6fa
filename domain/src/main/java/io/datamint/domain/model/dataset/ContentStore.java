package io.datamint.domain.model.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /**
   * At most {@code length} stored bytes from {@code offset} on ({@link Long#MAX_VALUE}: to the
   * end); the caller closes the stream. A store that serves ranges sends only those; this default
   * reads and discards what lies before the offset.
   */
  default InputStream open(Cid cid, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    InputStream in = open(cid);
    try {
      in.skipNBytes(offset);
      return in;
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot read " + cid + " from offset " + offset, e);
    }
  }

  /** Drops {@code reference}'s hold on the CID, and the pin once no reference holds it. */
  void release(Cid cid, String reference);

  boolean isPinned(Cid cid);
}
