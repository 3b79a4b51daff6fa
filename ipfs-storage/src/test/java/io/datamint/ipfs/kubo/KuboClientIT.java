package io.datamint.ipfs.kubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.ipfs.unixfs.UnixFsFileBuilder;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the real Kubo at {@code DATAMINT_IPFS_API} (default http://127.0.0.1:5001). */
class KuboClientIT {

  private static final int CHUNK = UnixFsFileBuilder.DEFAULT_CHUNK_SIZE;
  private final KuboClient kubo = new KuboClient(KuboConfig.fromEnvironment());

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void reportsItsVersion() {
    assertThat(kubo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(kubo.id()).isNotBlank();
  }

  /** Sizes around every boundary of the layout: one leaf, one level, two levels. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0,
        1,
        1000,
        CHUNK - 1,
        CHUNK,
        CHUNK + 1,
        3 * CHUNK + 7,
        174 * CHUNK,
        174 * CHUNK + 1,
        175 * CHUNK + 12345
      })
  void localCidEqualsKubosForTheSameBytes(int size) {
    byte[] data = random(size, size);
    UnixFsFileBuilder local = new UnixFsFileBuilder();
    local.update(data, 0, data.length);
    Cid kubos = kubo.onlyHash(ContentSource.ofBytes(data));
    assertThat(local.finish()).isEqualTo(kubos);
  }

  @Test
  void addCatPinAndUnpin() throws Exception {
    byte[] data = random(3 * CHUNK + 99, System.nanoTime());
    List<Long> progress = new ArrayList<>();
    AddResult added = kubo.add(ContentSource.ofBytes(data), false, progress::add);
    assertThat(added.bytes()).isEqualTo(data.length);
    assertThat(progress).isNotEmpty().last().isEqualTo((long) data.length);
    assertThat(kubo.isPinned(added.cid())).isFalse();

    kubo.pinAdd(added.cid());
    assertThat(kubo.isPinned(added.cid())).isTrue();
    assertThat(kubo.pinLs()).contains(added.cid());
    try (InputStream in = kubo.cat(added.cid())) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    FileStat stat = kubo.stat(added.cid());
    assertThat(stat.size()).isEqualTo(data.length);
    assertThat(stat.type()).isEqualTo("file");

    kubo.pinRm(added.cid());
    assertThat(kubo.isPinned(added.cid())).isFalse();
    kubo.pinRm(added.cid()); // a second removal is a no-op
  }

  @Test
  void catServesARangeAcrossBlockBoundaries() throws Exception {
    byte[] data = random(3 * CHUNK + 99, System.nanoTime());
    AddResult added = kubo.add(ContentSource.ofBytes(data), false, n -> {});
    int from = CHUNK - 10;

    try (InputStream in = kubo.cat(added.cid(), from, CHUNK + 20)) {
      assertThat(in.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(data, from, from + CHUNK + 20));
    }
    try (InputStream in = kubo.cat(added.cid(), 3 * CHUNK, Long.MAX_VALUE)) {
      assertThat(in.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(data, 3 * CHUNK, data.length));
    }
  }

  @Test
  void badCidIsRefusedWithKubosMessage() {
    assertThatThrownBy(
            () ->
                kubo.blockSize(
                    Cid.of("bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")))
        .isInstanceOf(ContentStoreException.class)
        .hasMessageContaining("block/stat");
  }
}
