package io.datamint.chain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.WalletKey;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class Web3jWalletKeyFactoryTest {

  private final Web3jWalletKeyFactory factory = new Web3jWalletKeyFactory();

  @Test
  void derivesTheWellKnownAddressOfAnvilsFirstAccount() {
    byte[] key =
        Numeric.hexStringToByteArray(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    WalletKey wallet = factory.restore(key);

    assertThat(wallet.address().value()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(wallet.privateKey()).isEqualTo(key);
  }

  @Test
  void createsDistinctWalletsWhoseKeysRestoreToTheSameAddress() {
    WalletKey first = factory.create();
    WalletKey second = factory.create();

    assertThat(first.address()).isNotEqualTo(second.address());
    assertThat(first.privateKey()).hasSize(32);
    assertThat(factory.restore(first.privateKey())).isEqualTo(first);
  }

  @Test
  void neverPrintsThePrivateKey() {
    WalletKey wallet = factory.create();

    assertThat(wallet.toString())
        .contains(wallet.address().value())
        .doesNotContain(Numeric.toHexStringNoPrefix(wallet.privateKey()));
  }

  @Test
  void rejectsKeysOutsideTheCurve() {
    assertThatThrownBy(() -> factory.restore(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] tooLarge = new byte[32];
    java.util.Arrays.fill(tooLarge, (byte) 0xff);
    assertThatThrownBy(() -> factory.restore(tooLarge))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> factory.restore(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
