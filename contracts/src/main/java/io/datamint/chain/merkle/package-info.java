/** Merkle trees of cumulative reward entitlements, compatible with OpenZeppelin's MerkleProof. */
package io.datamint.chain.merkle;
