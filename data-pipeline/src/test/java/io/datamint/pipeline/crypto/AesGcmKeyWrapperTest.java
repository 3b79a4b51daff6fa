package io.datamint.pipeline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.shared.WrappedKey;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmKeyWrapperTest {

  private static MasterKey master(String id, int fill) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) fill);
    return new MasterKey(id, k);
  }

  private final byte[] dataKey = DataKeys.random().bytes();

  @Test
  void wrapsAndUnwrapsInTheSameContext() throws GeneralSecurityException {
    AesGcmKeyWrapper w = new AesGcmKeyWrapper(master("m1", 7));
    WrappedKey wrapped = w.wrap(dataKey, "dataset:x:v1");
    assertThat(wrapped.masterKeyId()).isEqualTo("m1");
    assertThat(wrapped.ciphertext()).hasSize(1 + 12 + 32 + 16);
    assertThat(w.unwrap(wrapped, "dataset:x:v1")).isEqualTo(dataKey);
  }

  @Test
  void anotherContextCannotUnwrap() {
    AesGcmKeyWrapper w = new AesGcmKeyWrapper(master("m1", 7));
    WrappedKey wrapped = w.wrap(dataKey, "dataset:x:v1");
    assertThatThrownBy(() -> w.unwrap(wrapped, "dataset:x:v2"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void anotherMasterKeyCannotUnwrapEvenUnderTheSameId() {
    WrappedKey wrapped = new AesGcmKeyWrapper(master("m1", 7)).wrap(dataKey, "c");
    assertThatThrownBy(() -> new AesGcmKeyWrapper(master("m1", 8)).unwrap(wrapped, "c"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void wrappingTwiceGivesDifferentCiphertexts() {
    AesGcmKeyWrapper w = new AesGcmKeyWrapper(master("m1", 7));
    assertThat(w.wrap(dataKey, "c")).isNotEqualTo(w.wrap(dataKey, "c"));
  }

  @Test
  void rotationKeepsOldKeysReadableAndRewrapsUnderTheNewOne() throws GeneralSecurityException {
    WrappedKey old = new AesGcmKeyWrapper(master("2025", 1)).wrap(dataKey, "wallet:alice");
    AesGcmKeyWrapper rotated = new AesGcmKeyWrapper(master("2026", 2), List.of(master("2025", 1)));
    assertThat(rotated.unwrap(old, "wallet:alice")).isEqualTo(dataKey);
    WrappedKey renewed = rotated.rewrap(old, "wallet:alice");
    assertThat(renewed.masterKeyId()).isEqualTo("2026");
    assertThat(new AesGcmKeyWrapper(master("2026", 2)).unwrap(renewed, "wallet:alice"))
        .isEqualTo(dataKey);
  }

  @Test
  void unknownMasterKeyIdIsNamedInTheError() {
    WrappedKey wrapped = new AesGcmKeyWrapper(master("gone", 1)).wrap(dataKey, "c");
    assertThatThrownBy(() -> new AesGcmKeyWrapper(master("m1", 7)).unwrap(wrapped, "c"))
        .hasMessageContaining("gone");
  }

  @Test
  void masterKeyIsReadFromBase64() {
    String b64 = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(MasterKey.fromBase64("k", b64).id()).isEqualTo("k");
    assertThatThrownBy(() -> MasterKey.fromBase64("k", "c2hvcnQ="))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
