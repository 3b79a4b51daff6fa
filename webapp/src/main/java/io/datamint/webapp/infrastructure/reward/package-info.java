/**
 * The rewards' adapters: the payout ledger on PostgreSQL (tables of {@code V44__rewards.sql}) and
 * the reward escrow's events handed to the reward use cases.
 */
package io.datamint.webapp.infrastructure.reward;
