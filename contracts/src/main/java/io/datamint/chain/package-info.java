/**
 * The chain adapters: the only code that talks to an EVM node and the only code that imports the
 * generated web3j wrappers ({@code io.datamint.chain.generated}). Callers see domain types from
 * {@code io.datamint.domain.model.chain}.
 */
package io.datamint.chain;
