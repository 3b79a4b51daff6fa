package io.datamint.chain.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * The expected roots and proofs were produced by OpenZeppelin's JavaScript library
 * (@openzeppelin/merkle-tree 1.x, {@code StandardMerkleTree.of(values, ["address","uint256"])}), so
 * these tests pin compatibility with it, not merely self-consistency.
 */
class MerkleTreeTest {

  private static Entitlement entitlement(String address, String units) {
    return new Entitlement(WalletAddress.of(address), TokenAmount.ofUnits(new BigInteger(units)));
  }

  private static final List<Entitlement> FIVE =
      List.of(
          entitlement("0x1111111111111111111111111111111111111111", "5000000000000000000"),
          entitlement("0x2222222222222222222222222222222222222222", "2500000000000000000"),
          entitlement("0x3333333333333333333333333333333333333333", "1"),
          entitlement("0x4444444444444444444444444444444444444444", "42000000000000000000"),
          entitlement("0x5555555555555555555555555555555555555555", "7"));

  @Test
  void producesTheSameRootAsOpenZeppelinsStandardMerkleTree() {
    assertThat(MerkleTree.of(FIVE).root())
        .isEqualTo("0x1e2cc2ec42696ea53c5a6c8bd8a5cb10fbb155fbab6c45736433f8596caf4fd7");
  }

  @Test
  void producesTheSameProofsAsOpenZeppelinsStandardMerkleTree() {
    MerkleTree tree = MerkleTree.of(FIVE);

    assertThat(hex(tree.proof(WalletAddress.of("0x2222222222222222222222222222222222222222"))))
        .containsExactly(
            "0xa9016a6276dbba569e2ad1cbb703e59e1ade52d78c38a097df7d1cdad74f7b1b",
            "0xfa522059ca1799a828e685724e22f89ce8654fe92bfd9cda7431e92a03c266ad",
            "0x21c4464cf1269efc87ac45e35e6d3c6a9850599efd681877517f870069acf046");
    assertThat(hex(tree.proof(WalletAddress.of("0x5555555555555555555555555555555555555555"))))
        .containsExactly(
            "0xb5ede7416b8964a3f8f7588439e387edcbee5100134c9aaf0402d129eb3a176a",
            "0x21c4464cf1269efc87ac45e35e6d3c6a9850599efd681877517f870069acf046");
  }

  @Test
  void theRootDoesNotDependOnTheOrderOfTheEntitlements() {
    List<Entitlement> reversed = new java.util.ArrayList<>(FIVE);
    java.util.Collections.reverse(reversed);
    assertThat(MerkleTree.of(reversed).root()).isEqualTo(MerkleTree.of(FIVE).root());
  }

  @Test
  void aSingleEntitlementIsItsOwnRootWithAnEmptyProof() {
    MerkleTree tree = MerkleTree.of(List.of(FIVE.get(0)));
    assertThat(tree.root())
        .isEqualTo("0xeb02c421cfa48976e66dfb29120745909ea3a0f843456c263cf8f1253483e283");
    assertThat(tree.proof(FIVE.get(0).labeler())).isEmpty();
  }

  @Test
  void totalsTheCumulativeAmounts() {
    assertThat(MerkleTree.of(FIVE).total()).isEqualTo(new BigInteger("49500000000000000008"));
  }

  @Test
  void rejectsALabelerListedTwiceAndAnEmptySettlement() {
    assertThatThrownBy(() -> MerkleTree.of(List.of(FIVE.get(0), FIVE.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> MerkleTree.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> hex(List<byte[]> proof) {
    return proof.stream().map(Numeric::toHexString).toList();
  }
}
