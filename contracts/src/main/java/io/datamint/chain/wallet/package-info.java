/** Custodial wallets: secp256k1 key pairs created and restored with web3j's crypto. */
package io.datamint.chain.wallet;
