package io.datamint.chain.merkle;

import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A Merkle tree over (labeler, cumulative amount) built exactly like OpenZeppelin's {@code
 * StandardMerkleTree.of(values, ["address", "uint256"])}: leaves are {@code
 * keccak256(bytes.concat(keccak256(abi.encode(labeler, amount))))} (hashed twice so that no leaf
 * can pass for an inner node), sorted, laid out as a complete binary tree in an array, and pairs
 * are hashed in sorted order, which is what {@code MerkleProof.verify} expects. Same input, same
 * root and proofs as the JavaScript library, so either side can check the other.
 */
public final class MerkleTree {

  private final byte[][] tree;
  private final Map<WalletAddress, Integer> treeIndex;
  private final Map<WalletAddress, BigInteger> amounts;

  private MerkleTree(
      byte[][] tree,
      Map<WalletAddress, Integer> treeIndex,
      Map<WalletAddress, BigInteger> amounts) {
    this.tree = tree;
    this.treeIndex = treeIndex;
    this.amounts = amounts;
  }

  /**
   * @throws IllegalArgumentException if the list is empty or names a labeler twice
   */
  public static MerkleTree of(List<Entitlement> entitlements) {
    Objects.requireNonNull(entitlements, "entitlements must not be null");
    if (entitlements.isEmpty()) {
      throw new IllegalArgumentException("a settlement needs at least one entitlement");
    }
    Set<WalletAddress> seen = new HashSet<>();
    List<Leaf> leaves = new ArrayList<>();
    Map<WalletAddress, BigInteger> amounts = new HashMap<>();
    for (Entitlement entitlement : entitlements) {
      if (!seen.add(entitlement.labeler())) {
        throw new IllegalArgumentException("labeler listed twice: " + entitlement.labeler());
      }
      BigInteger amount = entitlement.cumulative().units();
      amounts.put(entitlement.labeler(), amount);
      leaves.add(new Leaf(entitlement.labeler(), leafHash(entitlement.labeler(), amount)));
    }
    leaves.sort((a, b) -> Arrays.compareUnsigned(a.hash, b.hash));

    int n = leaves.size();
    byte[][] tree = new byte[2 * n - 1][];
    Map<WalletAddress, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int position = tree.length - 1 - i;
      tree[position] = leaves.get(i).hash;
      index.put(leaves.get(i).labeler, position);
    }
    for (int i = tree.length - 1 - n; i >= 0; i--) {
      tree[i] = hashPair(tree[2 * i + 1], tree[2 * i + 2]);
    }
    return new MerkleTree(tree, Map.copyOf(index), Map.copyOf(amounts));
  }

  /** The root as {@code 0x}-prefixed hex. */
  public String root() {
    return Numeric.toHexString(tree[0]);
  }

  public byte[] rootBytes() {
    return tree[0].clone();
  }

  /** The cumulative amount in the tree for {@code labeler}. */
  public BigInteger amountOf(WalletAddress labeler) {
    BigInteger amount = amounts.get(labeler);
    if (amount == null) {
      throw new IllegalArgumentException("labeler not in this settlement: " + labeler);
    }
    return amount;
  }

  /** The sum of all amounts: what the escrow is told the tree promises. */
  public BigInteger total() {
    return amounts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The sibling hashes from {@code labeler}'s leaf up to the root. */
  public List<byte[]> proof(WalletAddress labeler) {
    Integer position = treeIndex.get(labeler);
    if (position == null) {
      throw new IllegalArgumentException("labeler not in this settlement: " + labeler);
    }
    List<byte[]> proof = new ArrayList<>();
    int i = position;
    while (i > 0) {
      int sibling = (i % 2 == 1) ? i + 1 : i - 1;
      proof.add(tree[sibling].clone());
      i = (i - 1) / 2;
    }
    return proof;
  }

  /** {@code keccak256(bytes.concat(keccak256(abi.encode(address, uint256))))}. */
  static byte[] leafHash(WalletAddress labeler, BigInteger amount) {
    byte[] encoded = new byte[64];
    byte[] address = Numeric.hexStringToByteArray(labeler.value());
    System.arraycopy(address, 0, encoded, 32 - address.length, address.length);
    byte[] value = Numeric.toBytesPadded(amount, 32);
    System.arraycopy(value, 0, encoded, 32, 32);
    return Hash.sha3(Hash.sha3(encoded));
  }

  private static byte[] hashPair(byte[] a, byte[] b) {
    byte[] first = Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    byte[] second = first == a ? b : a;
    byte[] both = new byte[64];
    System.arraycopy(first, 0, both, 0, 32);
    System.arraycopy(second, 0, both, 32, 32);
    return Hash.sha3(both);
  }

  private record Leaf(WalletAddress labeler, byte[] hash) {}
}
