/** Deploys the contracts to a chain, records their addresses and funds demo accounts. */
package io.datamint.chain.deploy;
