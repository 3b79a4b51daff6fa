package io.datamint.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The content store against the real Kubo: every pin goes through the ledger. */
class KuboContentStoreIT {

  private final KuboClient kubo = new KuboClient(KuboConfig.fromEnvironment());
  private final InMemoryPinLedger ledger = new InMemoryPinLedger();
  private final KuboContentStore store = new KuboContentStore(kubo, ledger);

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(System.nanoTime()).nextBytes(b);
    return b;
  }

  @Test
  void storedContentIsPinnedRecordedAndReadable() throws Exception {
    byte[] data = random(700_000);
    StoredObject o = store.store(ContentSource.ofBytes(data), "test:a", n -> {});
    try {
      assertThat(o.size()).isEqualTo(data.length);
      assertThat(store.isPinned(o.cid())).isTrue();
      assertThat(ledger.state(o.cid(), "test:a")).isEqualTo(InMemoryPinLedger.State.CONFIRMED);
      try (InputStream in = store.open(o.cid())) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    } finally {
      store.release(o.cid(), "test:a");
    }
    assertThat(store.isPinned(o.cid())).isFalse();
    assertThat(ledger.heldCids()).isEmpty();
  }

  @Test
  void sameBytesUnderTwoReferencesStayPinnedUntilBothRelease() {
    byte[] data = random(1000);
    StoredObject first = store.store(ContentSource.ofBytes(data), "test:first", n -> {});
    StoredObject second = store.store(ContentSource.ofBytes(data), "test:second", n -> {});
    assertThat(second.cid()).isEqualTo(first.cid());

    store.release(first.cid(), "test:first");
    assertThat(store.isPinned(first.cid())).as("still held by the second reference").isTrue();
    store.release(first.cid(), "test:second");
    assertThat(store.isPinned(first.cid())).isFalse();
  }
}
