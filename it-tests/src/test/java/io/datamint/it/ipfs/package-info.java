/** The application and the real Kubo node: pins kept equal to the pin ledger. */
package io.datamint.it.ipfs;
