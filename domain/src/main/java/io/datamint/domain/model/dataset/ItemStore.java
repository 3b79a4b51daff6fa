package io.datamint.domain.model.dataset;

import java.util.UUID;

/**
 * Where the items of each version are kept (millions per version are normal). Items arrive in
 * batches while a version is inspected; a rejected or re-run inspection throws the version's items
 * away, so that a version never holds items of two runs.
 */
public interface ItemStore {

  /** A sink that writes the version's items in batches; close it to write the last batch. */
  Batch open(UUID versionId);

  /** Removes every item of the version; a no-op when it has none. */
  void deleteAll(UUID versionId);

  /** An {@link ItemSink} that buffers; {@link #close()} flushes what is left. */
  interface Batch extends ItemSink, AutoCloseable {
    @Override
    void close();
  }
}
