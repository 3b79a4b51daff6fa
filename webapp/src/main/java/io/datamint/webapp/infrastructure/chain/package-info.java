/**
 * The chain in the product: the connection to the node and the contracts (from configuration and
 * the deployer's address file), the durable stores the chain adapters need (signed transactions,
 * indexer checkpoints) in PostgreSQL, and the background worker that mints approved datasets and
 * follows the DataNFT's events.
 */
package io.datamint.webapp.infrastructure.chain;
