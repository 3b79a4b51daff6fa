package io.datamint.domain.model.dataset;

/**
 * Receives the items of a version while it is inspected, in order. A file may hold millions of
 * items, so they are streamed to a sink (typically a batched insert) instead of returned in a list.
 */
@FunctionalInterface
public interface ItemSink {

  void accept(Item item);

  /** A sink for callers that only want the manifest. */
  static ItemSink discard() {
    return item -> {};
  }
}
