/**
 * Adapters of the campaign ports: the task queue on PostgreSQL ({@code FOR UPDATE SKIP LOCKED}),
 * item content decrypted for the labeler holding it, the reward escrow and the wallet checks (and
 * local faucet) on chain, and the background worker that funds, closes and refunds campaigns.
 */
package io.datamint.webapp.infrastructure.campaign;
