/**
 * Sending transactions safely: explicit per-account nonces, EIP-1559 fees, the signed transaction
 * recorded before it is broadcast (so a retry looks it up instead of paying twice), receipt
 * polling, and reverts decoded into the contracts' custom errors.
 */
package io.datamint.chain.tx;
