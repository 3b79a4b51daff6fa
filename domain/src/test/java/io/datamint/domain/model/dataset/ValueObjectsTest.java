package io.datamint.domain.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.shared.WrappedKey;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

  @Test
  void cidAcceptsV0AndV1AndRejectsGarbage() {
    assertThat(Cid.of("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR").uri())
        .isEqualTo("ipfs://QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR");
    assertThat(Cid.of(" bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku ").value())
        .startsWith("bafkrei");
    assertThatThrownBy(() -> Cid.of("not-a-cid")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cid.of("bafy/../etc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentHashIsLowerCaseHexOf32Bytes() {
    ContentHash h = ContentHash.ofDigest(new byte[32]);
    assertThat(h.sha256Hex()).isEqualTo("0".repeat(64));
    assertThat(new ContentHash("AB".repeat(32)).sha256Hex()).isEqualTo("ab".repeat(32));
    assertThatThrownBy(() -> ContentHash.ofDigest(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void licenseIsCanonicalSpdxOrLicenseRef() {
    assertThat(SpdxLicense.of("odbl-1.0").id()).isEqualTo("ODbL-1.0");
    assertThat(SpdxLicense.of("LicenseRef-Acme-Internal").id())
        .isEqualTo("LicenseRef-Acme-Internal");
    assertThatThrownBy(() -> SpdxLicense.of("GPL-free-for-all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LicenseRef-");
  }

  @Test
  void itemIdCombinesHashPrefixAndOrdinal() {
    ItemId id = ItemId.of(new ContentHash("0123456789abcdef".repeat(4)), 42);
    assertThat(id.value()).isEqualTo("0123456789abcdef-000042");
    assertThat(id.ordinal()).isEqualTo(42);
  }

  @Test
  void rejectionReasonStripsControlCharacters() {
    RejectionReason r =
        RejectionReason.at(RejectionCode.UNSAFE_ARCHIVE_ENTRY, "entry a\nb", "path escapes");
    assertThat(r.describe()).isEqualTo("entry a?b: path escapes");
  }

  @Test
  void wrappedKeyRoundTripsThroughItsEncoding() {
    WrappedKey k = new WrappedKey("master-2026", new byte[] {1, 2, 3});
    assertThat(WrappedKey.decode(k.encoded())).isEqualTo(k);
  }

  @Test
  void destroyedDataKeyCannotBeUsed() {
    DataKey k = new DataKey(new byte[32]);
    k.destroy();
    assertThatThrownBy(k::bytes).isInstanceOf(IllegalStateException.class);
  }
}
