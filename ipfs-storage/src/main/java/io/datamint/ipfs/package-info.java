/**
 * IPFS storage: {@link io.datamint.ipfs.KuboContentStore} is the domain's {@code ContentStore} on a
 * Kubo node, with every pin recorded in the {@code PinLedger}; {@link
 * io.datamint.ipfs.PinReconciler} removes orphaned pins and restores missing ones.
 */
package io.datamint.ipfs;
