/**
 * Labeling rewards (DESIGN flow 4): the off-chain payout ledger that every accepted regular label
 * credits once, the settlement epochs whose snapshots of cumulative entitlements become one Merkle
 * root each in the reward escrow, and the claims read back from the chain. PostgreSQL is the source
 * of truth for what was earned; the chain is the source of truth for what was paid.
 */
package io.datamint.domain.model.reward;
