/**
 * The chain as the domain sees it: value objects for token amounts, transaction hashes and contract
 * addresses, and the ports (tokenizer, purchases, reward escrow, custodial wallets, pending
 * transactions) that the {@code contracts} module implements with web3j. Nothing here knows about
 * web3j or Solidity.
 */
package io.datamint.domain.model.chain;
