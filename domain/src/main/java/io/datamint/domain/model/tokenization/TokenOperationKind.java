package io.datamint.domain.model.tokenization;

/** What a {@link TokenOperation} does on chain. */
public enum TokenOperationKind {
  /** Mints the dataset's DataNFT and its datatoken to the contributor; chain version 1. */
  MINT,
  /** Publishes a later approved version of an already minted dataset. */
  PUBLISH_VERSION
}
