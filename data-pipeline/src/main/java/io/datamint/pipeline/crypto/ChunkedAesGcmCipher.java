package io.datamint.pipeline.crypto;

import io.datamint.domain.model.dataset.CiphertextSource;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.DataKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Streaming AES-256-GCM in independently authenticated chunks (the STREAM construction of Hoang,
 * Reyhanitabar, Rogaway and Vizár, as in Tink's streaming AEAD), so that content of any size is
 * encrypted and decrypted in constant memory, and a reader learns of tampering at the first bad
 * chunk.
 *
 * <pre>
 * header  = "DMGC" | 0x01 (format) | chunkSize (uint32, plaintext bytes per chunk) | prefix (7)
 * chunk i = AES-256-GCM(key, nonce = prefix | i (uint32) | last (0x00 or 0x01), aad = header,
 *                       plaintext bytes [i*chunkSize, (i+1)*chunkSize)) -> ciphertext | tag(16)
 * </pre>
 *
 * All chunks but the last carry exactly {@code chunkSize} plaintext bytes; the last carries 0 to
 * {@code chunkSize} and has the last flag set (an empty plaintext is one empty last chunk). The
 * chunk index in the nonce makes reordering fail, the last flag makes truncation at a chunk
 * boundary fail, and the header as associated data binds the chunk size. The nonce prefix is
 * derived from the key, so encryption is deterministic for a given key; this is safe because a data
 * key encrypts exactly one plaintext (see {@link DataKeys}).
 */
public final class ChunkedAesGcmCipher implements ContentCipher {

  public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
  static final int HEADER_SIZE = 16;
  static final int TAG_SIZE = 16;
  private static final byte[] MAGIC = "DMGC".getBytes(StandardCharsets.US_ASCII);
  private static final byte FORMAT = 1;
  private static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

  private final int chunkSize;

  public ChunkedAesGcmCipher() {
    this(DEFAULT_CHUNK_SIZE);
  }

  public ChunkedAesGcmCipher(int chunkSize) {
    if (chunkSize < 16 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException("chunk size must be between 16 bytes and 16 MiB");
    }
    this.chunkSize = chunkSize;
  }

  @Override
  public InputStream encrypting(InputStream plaintext, DataKey key) {
    Objects.requireNonNull(plaintext, "plaintext must not be null");
    Objects.requireNonNull(key, "key must not be null");
    return new Encrypting(plaintext, key.bytes(), chunkSize);
  }

  @Override
  public InputStream decrypting(InputStream ciphertext, DataKey key) {
    Objects.requireNonNull(ciphertext, "ciphertext must not be null");
    Objects.requireNonNull(key, "key must not be null");
    return new Decrypting(ciphertext, key.bytes());
  }

  /**
   * Decrypts only the chunks that hold the range: the header is read on its own (it is bound to
   * every chunk as associated data, so a swapped header fails the first chunk), then the ciphertext
   * from the first chunk of the range to one chunk past its last (the look-ahead that tells whether
   * a chunk is the last one). Chunk indices in the nonces and the last-chunk flag protect the range
   * exactly as they protect a read from the start.
   */
  @Override
  public InputStream decryptingRange(
      CiphertextSource ciphertext, DataKey key, long offset, long length) throws IOException {
    Objects.requireNonNull(ciphertext, "ciphertext must not be null");
    Objects.requireNonNull(key, "key must not be null");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    byte[] header = new byte[HEADER_SIZE];
    try (InputStream in = ciphertext.openAt(0, HEADER_SIZE)) {
      if (readFully(in, header, 0, HEADER_SIZE) < HEADER_SIZE) {
        throw new CiphertextIntegrityException("ciphertext is truncated: incomplete header");
      }
    }
    int size = chunkSizeOf(header);
    long first = offset / size;
    long encrypted = (long) size + TAG_SIZE;
    long ciphertextLength;
    if (length > Long.MAX_VALUE / 4 - offset) {
      ciphertextLength = Long.MAX_VALUE; // to the end
    } else {
      long last = (offset + Math.max(length, 1) - 1) / size;
      ciphertextLength = (last - first + 2) * encrypted;
    }
    Decrypting plaintext =
        new Decrypting(
            ciphertext.openAt(HEADER_SIZE + first * encrypted, ciphertextLength),
            key.bytes(),
            header,
            first);
    try {
      plaintext.skipNBytes(offset % size);
      return plaintext;
    } catch (IOException | RuntimeException e) {
      plaintext.close();
      throw e;
    }
  }

  /** The chunk size a header names, after checking the magic and the format. */
  static int chunkSizeOf(byte[] header) throws CiphertextIntegrityException {
    ByteBuffer b = ByteBuffer.wrap(header);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC) || b.get() != FORMAT) {
      throw new CiphertextIntegrityException("not Datamint ciphertext (format 1)");
    }
    int chunkSize = b.getInt();
    if (chunkSize < 16 || chunkSize > MAX_CHUNK_SIZE) {
      throw new CiphertextIntegrityException("ciphertext header names a bad chunk size");
    }
    return chunkSize;
  }

  @Override
  public long ciphertextSize(long plaintextSize) {
    if (plaintextSize < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    long chunks = Math.max(1, (plaintextSize + chunkSize - 1) / chunkSize);
    return HEADER_SIZE + plaintextSize + chunks * TAG_SIZE;
  }

  static byte[] header(int chunkSize, byte[] prefix) {
    return ByteBuffer.allocate(HEADER_SIZE)
        .put(MAGIC)
        .put(FORMAT)
        .putInt(chunkSize)
        .put(prefix)
        .array();
  }

  static byte[] noncePrefix(byte[] key) {
    return Arrays.copyOf(
        Hkdf.hmac(key, "datamint chunk nonce prefix v1".getBytes(StandardCharsets.US_ASCII)), 7);
  }

  static byte[] nonce(byte[] prefix, long index, boolean last) throws IOException {
    if (index > 0xFFFF_FFFFL) {
      throw new IOException("content too large for this format (2^32 chunks)");
    }
    return ByteBuffer.allocate(12)
        .put(prefix)
        .putInt((int) index)
        .put(last ? (byte) 1 : (byte) 0)
        .array();
  }

  /** Reads up to {@code len} bytes, fewer only at the end of the stream. */
  static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(buf, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /** Base for both directions: serves one processed chunk at a time from {@code out}. */
  private abstract static class ChunkStream extends InputStream {
    final InputStream source;
    final SecretKeySpec key;
    final Cipher gcm;
    byte[] out = new byte[0];
    int outPos;
    int outLen;
    long index;
    boolean finished;

    ChunkStream(InputStream source, byte[] key) {
      this.source = source;
      this.key = new SecretKeySpec(key, "AES");
      Arrays.fill(key, (byte) 0);
      try {
        this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is missing from this JDK", e);
      }
    }

    /** Fills {@code out} with the next chunk; sets {@code finished} after the last one. */
    abstract void nextChunk() throws IOException;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      while (outPos == outLen) {
        if (finished) {
          return -1;
        }
        nextChunk();
      }
      int n = Math.min(len, outLen - outPos);
      System.arraycopy(out, outPos, b, off, n);
      outPos += n;
      return n;
    }

    @Override
    public int available() {
      return outLen - outPos;
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }

  private static final class Encrypting extends ChunkStream {
    private final int chunkSize;
    private final byte[] prefix;
    private final byte[] header;
    private byte[] current;
    private byte[] next;
    private int currentLen = -1;
    private boolean headerSent;

    Encrypting(InputStream source, byte[] key, int chunkSize) {
      super(source, key);
      this.chunkSize = chunkSize;
      this.prefix = noncePrefix(this.key.getEncoded());
      this.header = header(chunkSize, prefix);
      this.current = new byte[chunkSize];
      this.next = new byte[chunkSize];
      this.out = new byte[chunkSize + TAG_SIZE];
    }

    @Override
    void nextChunk() throws IOException {
      if (!headerSent) {
        headerSent = true;
        System.arraycopy(header, 0, out, 0, HEADER_SIZE);
        outPos = 0;
        outLen = HEADER_SIZE;
        currentLen = readFully(source, current, 0, chunkSize);
        return;
      }
      // a chunk is the last one when nothing follows it, which needs one chunk of look-ahead
      boolean last;
      int nextLen = 0;
      if (currentLen < chunkSize) {
        last = true;
      } else {
        nextLen = readFully(source, next, 0, chunkSize);
        last = nextLen == 0;
      }
      try {
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(prefix, index, last)));
        gcm.updateAAD(header);
        outLen = gcm.doFinal(current, 0, currentLen, out, 0);
      } catch (GeneralSecurityException e) {
        throw new IOException("encryption failed", e);
      }
      outPos = 0;
      index++;
      if (last) {
        finished = true;
      } else {
        byte[] t = current;
        current = next;
        next = t;
        currentLen = nextLen;
      }
    }
  }

  private static final class Decrypting extends ChunkStream {
    private byte[] header;
    private byte[] prefix;
    private byte[] current;
    private byte[] next;
    private int currentLen;
    private int encryptedChunk;

    /** From the start of the ciphertext: the header comes first. */
    Decrypting(InputStream source, byte[] key) {
      super(source, key);
    }

    /** From chunk {@code firstChunk}: the header was read apart, the source starts at the chunk. */
    Decrypting(InputStream source, byte[] key, byte[] header, long firstChunk) throws IOException {
      super(source, key);
      this.index = firstChunk;
      accept(header);
    }

    private void readHeader() throws IOException {
      byte[] h = new byte[HEADER_SIZE];
      if (readFully(source, h, 0, HEADER_SIZE) < HEADER_SIZE) {
        throw new CiphertextIntegrityException("ciphertext is truncated: incomplete header");
      }
      accept(h);
    }

    private void accept(byte[] h) throws IOException {
      int chunkSize = chunkSizeOf(h);
      byte[] p = Arrays.copyOfRange(h, HEADER_SIZE - 7, HEADER_SIZE);
      if (!Arrays.equals(p, noncePrefix(key.getEncoded()))) {
        throw new CiphertextIntegrityException("ciphertext was not made with this key");
      }
      this.header = h;
      this.prefix = p;
      this.encryptedChunk = chunkSize + TAG_SIZE;
      this.current = new byte[encryptedChunk];
      this.next = new byte[encryptedChunk];
      this.out = new byte[chunkSize];
      this.currentLen = readFully(source, current, 0, encryptedChunk);
    }

    @Override
    void nextChunk() throws IOException {
      if (header == null) {
        readHeader();
      }
      if (currentLen < TAG_SIZE) {
        throw new CiphertextIntegrityException(
            "ciphertext is truncated: chunk " + index + " is incomplete or missing");
      }
      boolean last;
      int nextLen = 0;
      if (currentLen < encryptedChunk) {
        last = true;
      } else {
        nextLen = readFully(source, next, 0, encryptedChunk);
        last = nextLen == 0;
      }
      try {
        gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(prefix, index, last)));
        gcm.updateAAD(header);
        outLen = gcm.doFinal(current, 0, currentLen, out, 0);
      } catch (AEADBadTagException e) {
        throw new CiphertextIntegrityException(
            "chunk "
                + index
                + " failed authentication: the ciphertext was altered, truncated or reordered",
            e);
      } catch (GeneralSecurityException e) {
        throw new IOException("decryption failed", e);
      }
      outPos = 0;
      index++;
      if (last) {
        finished = true;
      } else {
        byte[] t = current;
        current = next;
        next = t;
        currentLen = nextLen;
      }
    }
  }
}
