package io.datamint.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.domain.model.shared.WrappedKey;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import io.datamint.pipeline.crypto.AesGcmKeyWrapper;
import io.datamint.pipeline.crypto.ChunkedAesGcmCipher;
import io.datamint.pipeline.crypto.DataKeys;
import io.datamint.pipeline.crypto.MasterKey;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library half of the publish flow against the real Kubo: inspect -> encrypt -> add and pin ->
 * the bytes in IPFS are not the plaintext -> decrypted with the version key (unwrapped from the
 * master key) they equal the original.
 */
class PublishFlowIT {

  @TempDir Path dir;

  private final KuboClient kubo = new KuboClient(KuboConfig.fromEnvironment());
  private final InMemoryPinLedger ledger = new InMemoryPinLedger();
  private final KuboContentStore store = new KuboContentStore(kubo, ledger);
  private final ChunkedAesGcmCipher cipher = new ChunkedAesGcmCipher();

  @Test
  void inspectedFileIsStoredEncryptedPinnedAndDecryptsToTheOriginal() throws Exception {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    MasterKey master = new MasterKey("it-" + System.nanoTime(), secret);
    AesGcmKeyWrapper wrapper = new AesGcmKeyWrapper(master);
    DataKeys dataKeys = new DataKeys(master);

    Path file = dir.resolve("upload.csv");
    StringBuilder csv = new StringBuilder("id,text,label\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i)
          .append(",review number ")
          .append(i)
          .append(" mail me at user")
          .append(i)
          .append("@example.com,")
          .append(i % 3 == 0 ? "pos" : "neg")
          .append('\n');
    }
    Files.writeString(file, csv);
    byte[] original = Files.readAllBytes(file);

    Dataset dataset =
        new Dataset(
            DatasetId.newId(),
            new ContributorId("alice"),
            "Reviews",
            "",
            SpdxLicense.of("CC-BY-4.0"),
            Set.of(),
            "upload.csv",
            Instant.now());
    dataset.uploadCompleted(1, original.length, Instant.now());

    List<Item> items = new ArrayList<>();
    Inspection inspection =
        new TikaInspector(InspectionLimits.defaults()).inspect(file, "upload.csv", items::add);
    assertThat(inspection).isInstanceOf(Inspection.Accepted.class);
    Manifest manifest = ((Inspection.Accepted) inspection).manifest();
    assertThat(items).hasSize(20_000);
    dataset.inspectionPassed(1, manifest, Instant.now());

    String context = dataset.latestVersion().keyContext();
    DataKey key = dataKeys.forContent(manifest.contentHash());
    WrappedKey wrapped = wrapper.wrap(key.bytes(), context);
    String contentRef = "dataset:" + dataset.id() + ":v1:content";
    String previewRef = "dataset:" + dataset.id() + ":v1:preview";
    StoredObject content =
        store.store(
            ContentSource.of(
                () -> cipher.encrypting(Files.newInputStream(file), key),
                cipher.ciphertextSize(original.length)),
            contentRef,
            n -> {});
    StoredObject preview =
        store.store(
            ContentSource.ofBytes(((Inspection.Accepted) inspection).preview().bytes()),
            previewRef,
            n -> {});
    key.destroy();
    try {
      dataset.contentStored(
          1,
          new StoredContent(content.cid(), content.size(), preview.cid(), preview.cid(), wrapped),
          Instant.now());
      assertThat(dataset.state()).isEqualTo(DatasetState.PENDING_REVIEW);
      assertThat(kubo.isPinned(content.cid())).isTrue();
      assertThat(ledger.heldCids()).contains(content.cid(), preview.cid());

      byte[] stored;
      try (InputStream in = kubo.cat(content.cid())) {
        stored = in.readAllBytes();
      }
      assertThat(stored.length).isEqualTo(cipher.ciphertextSize(original.length));
      String storedText = new String(stored, StandardCharsets.ISO_8859_1);
      assertThat(storedText).doesNotContain("review number").doesNotContain("@example.com");

      String previewText;
      try (InputStream in = kubo.cat(preview.cid())) {
        previewText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(previewText).contains("review number").doesNotContain("user0@example.com");

      // a buyer's download: unwrap the version key, decrypt the stream from IPFS
      StoredContent recorded = dataset.latestVersion().storedContent().orElseThrow();
      DataKey versionKey = new DataKey(wrapper.unwrap(recorded.wrappedDataKey(), context));
      byte[] decrypted;
      try (InputStream in = cipher.decrypting(kubo.cat(recorded.contentCid()), versionKey)) {
        decrypted = in.readAllBytes();
      }
      assertThat(decrypted).isEqualTo(original);

      // the same bytes give the same content CID
      DataKey again = dataKeys.forContent(manifest.contentHash());
      assertThat(
              kubo.onlyHash(
                  ContentSource.of(
                      () -> cipher.encrypting(Files.newInputStream(file), again),
                      cipher.ciphertextSize(original.length))))
          .isEqualTo(content.cid());
    } finally {
      store.release(content.cid(), contentRef);
      store.release(preview.cid(), previewRef);
    }
    assertThat(kubo.isPinned(content.cid())).isFalse();
  }
}
