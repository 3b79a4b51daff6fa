package io.datamint.domain.model.chain;

import java.util.List;
import java.util.Objects;

/** Remembers how far the event indexer got, with recent block hashes to notice a reorganisation. */
public interface IndexerCheckpointStore {

  /** The saved checkpoint, or an empty one before the first run. */
  Checkpoint load();

  void save(Checkpoint checkpoint);

  /** A block the indexer finished, by number and hash. */
  record BlockRef(long number, String hash) {
    public BlockRef {
      Objects.requireNonNull(hash, "block hash must not be null");
    }
  }

  /** The most recent finished blocks, oldest first; the last one is where indexing resumes. */
  record Checkpoint(List<BlockRef> recent) {
    public Checkpoint {
      recent = List.copyOf(recent);
    }

    public static Checkpoint empty() {
      return new Checkpoint(List.of());
    }
  }
}
