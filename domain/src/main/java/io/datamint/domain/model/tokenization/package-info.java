/**
 * Putting approved datasets on chain, as a durable outbox: one {@link
 * io.datamint.domain.model.tokenization.TokenOperation} per chain operation (the mint of a
 * dataset's DataNFT with its datatoken, or the publication of a later version), written in the
 * database in the same transaction as the approval that calls for it, then carried out by a
 * background worker and confirmed from chain events. The chain being down only delays it.
 */
package io.datamint.domain.model.tokenization;
