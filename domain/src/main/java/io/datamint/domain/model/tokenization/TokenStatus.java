package io.datamint.domain.model.tokenization;

/** Where a {@link TokenOperation} stands. */
public enum TokenStatus {
  /** Waiting for the worker: not sent yet, or the chain was unavailable (see the message). */
  QUEUED,
  /** Signed and recorded under its operation key; its outcome is not known yet. */
  SUBMITTED,
  /** The dataset's DataNFT and datatoken exist on chain. */
  MINTED,
  /** The version was published on chain. */
  PUBLISHED,
  /** The chain refused the operation; the message says why. An admin may retry it. */
  FAILED;

  /** Whether the worker still has to do something. */
  public boolean isPending() {
    return this == QUEUED || this == SUBMITTED;
  }

  /** Whether the operation happened on chain. */
  public boolean isDone() {
    return this == MINTED || this == PUBLISHED;
  }
}
