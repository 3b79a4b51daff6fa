package io.datamint.domain.model.campaign;

/** Where a labeler stands in one campaign. */
public enum StandingState {
  /** Answering the qualification round: gold items only, no paid work yet. */
  QUALIFYING,
  /** May take paid tasks. */
  QUALIFIED,
  /** Gets no more tasks from this campaign; the reason is kept. Final. */
  BLOCKED
}
