package io.datamint.ipfs.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.dataset.Cid;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnixFsFileBuilderTest {

  @Test
  void emptyFileIsTheEmptyRawBlock() {
    assertThat(new UnixFsFileBuilder().finish())
        .isEqualTo(Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"));
  }

  @Test
  void base32FollowsRfc4648LowerCaseWithoutPadding() {
    assertThat(Multiformats.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("my");
    assertThat(Multiformats.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("mzxw6ytboi");
  }

  @Test
  void singleChunkIsARawLeafAndLargerFilesAreDagPbRoots() {
    UnixFsFileBuilder small = new UnixFsFileBuilder();
    small.update(new byte[1000], 0, 1000);
    assertThat(small.finish().value()).startsWith("bafkrei");

    UnixFsFileBuilder big = new UnixFsFileBuilder();
    byte[] b = new byte[UnixFsFileBuilder.DEFAULT_CHUNK_SIZE + 1];
    big.update(b, 0, b.length);
    assertThat(big.finish().value()).startsWith("bafybei");
  }

  @Test
  void cidDoesNotDependOnHowTheBytesAreFed() {
    byte[] data = new byte[3 * UnixFsFileBuilder.DEFAULT_CHUNK_SIZE + 17];
    new Random(7).nextBytes(data);
    UnixFsFileBuilder whole = new UnixFsFileBuilder();
    whole.update(data, 0, data.length);
    UnixFsFileBuilder pieces = new UnixFsFileBuilder();
    Random r = new Random(3);
    for (int off = 0; off < data.length; ) {
      int n = Math.min(data.length - off, 1 + r.nextInt(100_000));
      pieces.update(data, off, n);
      off += n;
    }
    assertThat(pieces.finish()).isEqualTo(whole.finish());
  }

  @Test
  void differentBytesGiveDifferentCids() {
    UnixFsFileBuilder a = new UnixFsFileBuilder();
    a.update(new byte[] {1}, 0, 1);
    UnixFsFileBuilder b = new UnixFsFileBuilder();
    b.update(new byte[] {2}, 0, 1);
    assertThat(a.finish()).isNotEqualTo(b.finish());
  }
}
