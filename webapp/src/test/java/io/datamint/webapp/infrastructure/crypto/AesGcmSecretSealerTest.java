package io.datamint.webapp.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.shared.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] OTHER_KEY = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      KEY[i] = (byte) i;
      OTHER_KEY[i] = (byte) (255 - i);
    }
  }

  private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(KEY);
  private final byte[] secret = "a wallet's private key".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedSecretOpensWithTheSameKeyAndContext() {
    SealedSecret sealed = sealer.seal(secret, "wallet:alice");
    assertThat(sealer.open(sealed, "wallet:alice")).isEqualTo(secret);
  }

  @Test
  void theSealedBytesDoNotContainTheSecretAndDifferEachTime() {
    SealedSecret first = sealer.seal(secret, "wallet:alice");
    SealedSecret second = sealer.seal(secret, "wallet:alice");
    assertThat(new String(first.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("private key");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void anotherContextDoesNotOpenIt() {
    SealedSecret sealed = sealer.seal(secret, "wallet:alice");
    assertThatThrownBy(() -> sealer.open(sealed, "wallet:mallory"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anotherMasterKeyDoesNotOpenIt() {
    SealedSecret sealed = sealer.seal(secret, "wallet:alice");
    assertThatThrownBy(() -> new AesGcmSecretSealer(OTHER_KEY).open(sealed, "wallet:alice"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTamperedSecretDoesNotOpen() {
    byte[] bytes = sealer.seal(secret, "wallet:alice").bytes();
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> sealer.open(new SealedSecret(bytes), "wallet:alice"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMissingOrMalformedMasterKeyIsAClearConfigurationError() {
    assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64(" "))
        .hasMessageContaining("datamint.master-key is not configured");
    assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64("not base64!"))
        .hasMessageContaining("datamint.master-key is not valid");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> AesGcmSecretSealer.fromBase64(shortKey))
        .hasMessageContaining("32 bytes");
  }
}
