package io.datamint.domain.model.dataset;

/**
 * Receives the items of a version while it is inspected, in order. A file may hold millions of
 * items, so they are streamed to a sink (typically a batched insert) instead of returned in a list.
 */
@FunctionalInterface
public interface ItemSink {

  void accept(Item item);

  /**
   * How far reading has got into the file, in bytes (or, in an archive, in compressed bytes of the
   * entries done): for progress, since not every format knows an item's byte offset.
   */
  default void reached(long bytesRead) {}

  /** A sink for callers that only want the manifest. */
  static ItemSink discard() {
    return item -> {};
  }
}
