package io.datamint.domain.model.campaign;

/**
 * Where a campaign's work stands.
 *
 * @param items items in the queue (gold items included)
 * @param goldItems items with a known answer
 * @param slots labels asked for: k per regular item
 * @param labeled slots labeled
 * @param leased slots held by a live lease
 * @param completeItems regular items with all k labels
 * @param goldLabels answers given on gold items
 */
public record QueueCounts(
    long items,
    long goldItems,
    long slots,
    long labeled,
    long leased,
    long completeItems,
    long goldLabels) {

  /** Slots nobody labeled yet (free or leased). */
  public long remaining() {
    return slots - labeled;
  }
}
