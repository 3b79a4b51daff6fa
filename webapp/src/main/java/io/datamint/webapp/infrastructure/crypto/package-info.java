/**
 * The platform's master key and the one key wrapper that protects every secret key under it:
 * datasets' data keys and custodial wallets' private keys.
 */
package io.datamint.webapp.infrastructure.crypto;
