package io.datamint.domain.application;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.ContentStoreException;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DataKey;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetInspector;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.ItemStore;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.Preview;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;
import io.datamint.domain.model.dataset.StoredObject;
import io.datamint.domain.model.dataset.UploadArea;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.domain.model.shared.WrappedKey;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/** In-memory stand-ins for the publish flow's ports, for tests of the application services. */
final class PublishingFakes {

  private PublishingFakes() {}

  static final class Datasets implements DatasetRepository {
    final Map<DatasetId, Dataset> byId = new LinkedHashMap<>();

    @Override
    public Optional<Dataset> find(DatasetId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Dataset> findByOwner(ContributorId owner) {
      return byId.values().stream().filter(d -> d.isOwnedBy(owner)).toList();
    }

    @Override
    public List<Dataset> findByState(DatasetState state) {
      return byId.values().stream().filter(d -> d.state() == state).toList();
    }

    @Override
    public List<Dataset> findWithVersionIn(VersionState state) {
      return byId.values().stream()
          .filter(d -> d.versions().stream().anyMatch(v -> v.state() == state))
          .toList();
    }

    @Override
    public void store(Dataset dataset) {
      byId.put(dataset.id(), dataset);
    }
  }

  static final class Items implements ItemStore {
    final Map<UUID, List<Item>> byVersion = new HashMap<>();

    @Override
    public Batch open(UUID versionId) {
      List<Item> items = byVersion.computeIfAbsent(versionId, v -> new ArrayList<>());
      return new Batch() {
        @Override
        public void accept(Item item) {
          items.add(item);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void deleteAll(UUID versionId) {
      byVersion.remove(versionId);
    }

    List<Item> of(UUID versionId) {
      return byVersion.getOrDefault(versionId, List.of());
    }
  }

  static final class Uploads implements UploadArea {
    final Path directory;

    Uploads(Path directory) {
      this.directory = directory;
    }

    void put(UUID versionId, byte[] bytes) throws IOException {
      Files.write(directory.resolve(versionId + ".upload"), bytes);
    }

    @Override
    public Optional<Path> completed(UUID versionId) {
      Path file = directory.resolve(versionId + ".upload");
      return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void discard(UUID versionId) {
      try {
        Files.deleteIfExists(directory.resolve(versionId + ".upload"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** XOR with the key's first byte: enough to tell ciphertext from plaintext in a test. */
  static final class XorCipher implements ContentCipher {
    @Override
    public InputStream encrypting(InputStream plaintext, DataKey key) {
      return xor(plaintext, key.bytes()[0]);
    }

    @Override
    public InputStream decrypting(InputStream ciphertext, DataKey key) {
      return xor(ciphertext, key.bytes()[0]);
    }

    @Override
    public long ciphertextSize(long plaintextSize) {
      return plaintextSize;
    }

    private static InputStream xor(InputStream in, byte k) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          return b < 0 ? b : (b ^ k) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          for (int i = off; i < off + Math.max(n, 0); i++) {
            b[i] ^= k;
          }
          return n;
        }
      };
    }
  }

  static final class ReversingWrapper implements KeyWrapper {
    @Override
    public WrappedKey wrap(byte[] key, String context) {
      byte[] out = new byte[key.length];
      for (int i = 0; i < key.length; i++) {
        out[i] = key[key.length - 1 - i];
      }
      return new WrappedKey("test", out);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String context) {
      return wrap(wrapped.ciphertext(), context).ciphertext();
    }
  }

  /** Content-addressed by SHA-256; can be told to fail the n-th store. */
  static final class Store implements ContentStore {
    final Map<Cid, byte[]> blobs = new HashMap<>();
    final Map<Cid, Set<String>> references = new HashMap<>();
    int stores;
    int failOnStore = -1;

    @Override
    public StoredObject store(ContentSource content, String reference, LongConsumer progress) {
      if (++stores == failOnStore) {
        throw new ContentStoreException(
            ContentStoreException.Failure.UNAVAILABLE, "Kubo is not reachable");
      }
      try (InputStream in = content.open()) {
        byte[] bytes = in.readAllBytes();
        progress.accept(bytes.length);
        Cid cid = cidOf(bytes);
        blobs.put(cid, bytes);
        references.computeIfAbsent(cid, c -> new HashSet<>()).add(reference);
        return new StoredObject(cid, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public InputStream open(Cid cid) {
      return new ByteArrayInputStream(blobs.get(cid));
    }

    @Override
    public void release(Cid cid, String reference) {
      Set<String> refs = references.getOrDefault(cid, new HashSet<>());
      refs.remove(reference);
      if (refs.isEmpty()) {
        references.remove(cid);
      }
    }

    @Override
    public boolean isPinned(Cid cid) {
      return references.containsKey(cid);
    }

    static Cid cidOf(byte[] bytes) {
      try {
        StringBuilder b = new StringBuilder("b");
        for (byte x : MessageDigest.getInstance("SHA-256").digest(bytes)) {
          b.append((char) ('a' + ((x >> 4) & 0xf))).append((char) ('a' + (x & 0xf)));
        }
        return Cid.of(b.toString());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static ContentHash sha256(byte[] bytes) {
    try {
      return ContentHash.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Manifest manifestOf(byte[] bytes) {
    int lines = new String(bytes, StandardCharsets.UTF_8).split("\n").length;
    return new Manifest(
        ContentFormat.CSV,
        "pets.csv",
        bytes.length,
        sha256(bytes),
        "UTF-8",
        lines,
        List.of(),
        null,
        Map.of(),
        null,
        List.of());
  }

  /** Items are lines; a line with more commas than the first is ragged. */
  static final class LineInspector implements DatasetInspector {
    @Override
    public Inspection inspect(Path file, String fileName, ItemSink sink) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
      int fields = lines[0].split(",").length;
      long offset = 0;
      for (int i = 0; i < lines.length; i++) {
        int found = lines[i].split(",").length;
        if (found != fields) {
          return new Inspection.Rejected(
              RejectionReason.at(
                  RejectionCode.MALFORMED_CSV,
                  "line " + (i + 1),
                  "expected " + fields + " fields, as in the first line, but found " + found));
        }
        long length = lines[i].length() + 1;
        ContentHash hash = sha256(lines[i].getBytes(StandardCharsets.UTF_8));
        sink.accept(new Item(ItemId.of(hash, i), "line " + (i + 1), hash, offset, length));
        offset += length;
      }
      return new Inspection.Accepted(
          manifestOf(bytes),
          new Preview("application/json", lines[0].getBytes(StandardCharsets.UTF_8), 1));
    }
  }
}
