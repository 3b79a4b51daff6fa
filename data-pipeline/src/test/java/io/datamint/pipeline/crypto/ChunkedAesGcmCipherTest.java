package io.datamint.pipeline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.dataset.CiphertextSource;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.DataKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkedAesGcmCipherTest {

  private static final int CHUNK = 64;
  private final ChunkedAesGcmCipher cipher = new ChunkedAesGcmCipher(CHUNK);
  private final DataKey key = DataKeys.random();

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private byte[] encrypt(byte[] plain) throws IOException {
    try (InputStream in = cipher.encrypting(new ByteArrayInputStream(plain), key)) {
      return in.readAllBytes();
    }
  }

  private byte[] decrypt(byte[] ct, DataKey k) throws IOException {
    try (InputStream in = cipher.decrypting(new ByteArrayInputStream(ct), k)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 128, 1000})
  void roundTripsAnySizeAndPredictsTheCiphertextSize(int size) throws IOException {
    byte[] plain = random(size);
    byte[] ct = encrypt(plain);
    assertThat(ct.length).isEqualTo(cipher.ciphertextSize(size));
    assertThat(decrypt(ct, key)).isEqualTo(plain);
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() throws IOException {
    byte[] plain = "name,email\nada,ada@example.com\n".repeat(20).getBytes();
    byte[] ct = encrypt(plain);
    assertThat(new String(ct, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("ada@example.com");
  }

  @Test
  void truncationAtAChunkBoundaryIsDetected() throws IOException {
    byte[] ct = encrypt(random(200));
    int cut = ChunkedAesGcmCipher.HEADER_SIZE + 2 * (CHUNK + 16);
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(ct, cut), key))
        .isInstanceOf(CiphertextIntegrityException.class)
        .hasMessageContaining("chunk 1");
  }

  @Test
  void truncationInsideAChunkIsDetected() throws IOException {
    byte[] ct = encrypt(random(200));
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(ct, ct.length - 5), key))
        .isInstanceOf(CiphertextIntegrityException.class);
  }

  @Test
  void droppingEverythingAfterTheHeaderIsDetected() throws IOException {
    byte[] ct = encrypt(random(10));
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(ct, ChunkedAesGcmCipher.HEADER_SIZE), key))
        .isInstanceOf(CiphertextIntegrityException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void reorderedChunksAreDetected() throws IOException {
    byte[] ct = encrypt(random(300));
    int h = ChunkedAesGcmCipher.HEADER_SIZE;
    int c = CHUNK + 16;
    byte[] swapped = ct.clone();
    System.arraycopy(ct, h, swapped, h + c, c);
    System.arraycopy(ct, h + c, swapped, h, c);
    assertThatThrownBy(() -> decrypt(swapped, key))
        .isInstanceOf(CiphertextIntegrityException.class)
        .hasMessageContaining("chunk 0");
  }

  @Test
  void aFlippedBitIsDetected() throws IOException {
    byte[] ct = encrypt(random(300));
    ct[ct.length / 2] ^= 1;
    assertThatThrownBy(() -> decrypt(ct, key)).isInstanceOf(CiphertextIntegrityException.class);
  }

  @Test
  void appendedBytesAreDetected() throws IOException {
    byte[] ct = encrypt(random(128));
    byte[] longer = Arrays.copyOf(ct, ct.length + 20);
    assertThatThrownBy(() -> decrypt(longer, key)).isInstanceOf(CiphertextIntegrityException.class);
  }

  @Test
  void theWrongKeyIsDetected() throws IOException {
    byte[] ct = encrypt(random(100));
    assertThatThrownBy(() -> decrypt(ct, DataKeys.random()))
        .isInstanceOf(CiphertextIntegrityException.class);
  }

  @Test
  void convergentKeysMakeTheSameBytesEncryptTheSameAndOtherBytesDifferently() throws IOException {
    DataKeys keys = new DataKeys(new MasterKey("m1", new byte[32]));
    ContentHash h1 = new ContentHash("a".repeat(64));
    ContentHash h2 = new ContentHash("b".repeat(64));
    byte[] plain = random(500);
    byte[] ct1;
    byte[] ct2;
    try (InputStream in = cipher.encrypting(new ByteArrayInputStream(plain), keys.forContent(h1))) {
      ct1 = in.readAllBytes();
    }
    try (InputStream in = cipher.encrypting(new ByteArrayInputStream(plain), keys.forContent(h1))) {
      ct2 = in.readAllBytes();
    }
    assertThat(ct2).isEqualTo(ct1);
    assertThat(keys.forContent(h2).bytes()).isNotEqualTo(keys.forContent(h1).bytes());
    DataKeys otherMaster =
        new DataKeys(
            new MasterKey(
                "m2",
                new byte[] {
                  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                  24, 25, 26, 27, 28, 29, 30, 31, 32
                }));
    assertThat(otherMaster.forContent(h1).bytes()).isNotEqualTo(keys.forContent(h1).bytes());
  }

  @Test
  void largeStreamsPassInConstantMemory() throws IOException {
    ChunkedAesGcmCipher big = new ChunkedAesGcmCipher();
    long size = 64L << 20;
    InputStream zeros =
        new InputStream() {
          long left = size;

          @Override
          public int read() {
            return left-- > 0 ? 0 : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
          }
        };
    long plain;
    try (InputStream enc = big.encrypting(zeros, key);
        InputStream dec = big.decrypting(enc, key)) {
      plain = dec.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(plain).isEqualTo(size);
  }

  /** Ciphertext held in memory, served from any offset, counting the bytes it hands out. */
  private static final class Ranges implements CiphertextSource {
    final byte[] ciphertext;
    long served;

    Ranges(byte[] ciphertext) {
      this.ciphertext = ciphertext;
    }

    @Override
    public InputStream openAt(long offset, long length) {
      int from = (int) Math.min(offset, ciphertext.length);
      int n = (int) Math.min(length, ciphertext.length - from);
      served += n;
      return new ByteArrayInputStream(ciphertext, from, n);
    }
  }

  private byte[] decryptFrom(Ranges ranges, long offset, int length) throws IOException {
    try (InputStream in = cipher.decryptingRange(ranges, key, offset, length)) {
      return in.readNBytes(length);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 63, 64, 65, 127, 128, 640, 999})
  void aRangedReadFromAnyOffsetGivesTheSameBytesAsReadingFromTheStart(int offset)
      throws IOException {
    byte[] plain = random(1000);
    Ranges ranges = new Ranges(encrypt(plain));

    int length = Math.min(40, 1000 - offset);

    byte[] read = decryptFrom(ranges, offset, length);

    assertThat(read).isEqualTo(Arrays.copyOfRange(plain, offset, offset + length));
  }

  @Test
  void aRangedReadAsksOnlyForTheHeaderAndTheChunksOfTheRange() throws IOException {
    Ranges ranges = new Ranges(encrypt(random(64 * 100)));

    byte[] read = decryptFrom(ranges, 64 * 50 + 60, 10);

    assertThat(read).hasSize(10);
    // the header, chunks 50 and 51 that hold the range, and chunk 52 as look-ahead
    assertThat(ranges.served).isEqualTo(ChunkedAesGcmCipher.HEADER_SIZE + 3 * (64 + 16));
  }

  @Test
  void aRangedReadOfTheLastBytesEndsAtTheLastChunk() throws IOException {
    byte[] plain = random(64 * 3 + 5);
    Ranges ranges = new Ranges(encrypt(plain));

    try (InputStream in = cipher.decryptingRange(ranges, key, 64 * 3, 5)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, 64 * 3, 64 * 3 + 5));
    }
  }

  @Test
  void aRangedReadStillDetectsAnAlteredChunk() throws IOException {
    byte[] ct = encrypt(random(1000));
    ct[ChunkedAesGcmCipher.HEADER_SIZE + 5 * (CHUNK + 16) + 3] ^= 1;
    Ranges ranges = new Ranges(ct);

    assertThatThrownBy(() -> decryptFrom(ranges, 5 * CHUNK + 1, 10))
        .isInstanceOf(CiphertextIntegrityException.class)
        .hasMessageContaining("chunk 5");
  }

  @Test
  void aRangedReadStillDetectsTruncationAfterTheOffset() throws IOException {
    byte[] ct = encrypt(random(1000));
    Ranges truncated =
        new Ranges(Arrays.copyOf(ct, ChunkedAesGcmCipher.HEADER_SIZE + 8 * (CHUNK + 16)));

    assertThatThrownBy(
            () -> {
              try (InputStream in = cipher.decryptingRange(truncated, key, 6 * CHUNK, 200)) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(CiphertextIntegrityException.class);
  }

  @Test
  void aRangedReadWithTheWrongKeyIsRefused() throws IOException {
    Ranges ranges = new Ranges(encrypt(random(1000)));

    assertThatThrownBy(() -> cipher.decryptingRange(ranges, DataKeys.random(), 300, 10))
        .isInstanceOf(CiphertextIntegrityException.class)
        .hasMessageContaining("not made with this key");
  }
}
