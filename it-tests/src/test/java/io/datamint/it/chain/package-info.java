/** The chain in the product flow: approvals minted on the local chain, checked on the chain. */
package io.datamint.it.chain;
