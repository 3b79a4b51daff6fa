/** The platform's master key and the sealing of small secrets (wallet keys, data keys) under it. */
package io.datamint.webapp.infrastructure.crypto;
