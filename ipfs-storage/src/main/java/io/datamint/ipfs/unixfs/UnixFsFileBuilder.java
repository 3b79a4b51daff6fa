package io.datamint.ipfs.unixfs;

import io.datamint.domain.model.dataset.Cid;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the CID of a file as {@code ipfs add --cid-version=1 --raw-leaves --hash=sha2-256
 * --chunker=size-<chunkSize> --trickle=false} does (boxo's balanced importer), from bytes fed in
 * order, in constant memory per 256 KiB chunk (only the leaves' CIDs are kept: 4,096 for 1 GiB).
 *
 * <p>Layout: the file is cut into {@code chunkSize} leaves stored as raw blocks (codec 0x55). A
 * file of one chunk is that raw block. Otherwise leaves are grouped, left to right, into dag-pb
 * nodes (codec 0x70) of at most {@code maxLinks} (174) children, those nodes again into nodes, up
 * to a single root. Each dag-pb node holds its links (CID, empty name, cumulative size) and a
 * UnixFS {@code Data} of type File with the total file size and each child's file size. This is
 * what boxo's {@code balanced.Layout} produces: it grows the tree by depth, filling each level
 * left-full, which is the same tree as grouping bottom-up.
 */
public final class UnixFsFileBuilder {

  public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;
  public static final int DEFAULT_MAX_LINKS = 174;
  private static final int RAW = 0x55;
  private static final int DAG_PB = 0x70;

  private final int chunkSize;
  private final int maxLinks;
  private final MessageDigest sha256;
  private final byte[] chunk;
  private int filled;
  private long total;
  private final List<Node> leaves = new ArrayList<>();

  /** A block in the DAG: its CID bytes, its cumulative size (Tsize) and the file bytes below it. */
  private record Node(byte[] cid, long tsize, long fileSize) {}

  public UnixFsFileBuilder() {
    this(DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINKS);
  }

  public UnixFsFileBuilder(int chunkSize, int maxLinks) {
    if (chunkSize <= 0 || chunkSize > 1024 * 1024 || maxLinks < 2) {
      throw new IllegalArgumentException("chunk size must be 1 B to 1 MiB and max links >= 2");
    }
    this.chunkSize = chunkSize;
    this.maxLinks = maxLinks;
    this.chunk = new byte[chunkSize];
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The chunker option to pass to Kubo for the same layout. */
  public String chunker() {
    return "size-" + chunkSize;
  }

  public void update(byte[] b, int off, int len) {
    while (len > 0) {
      int n = Math.min(len, chunkSize - filled);
      System.arraycopy(b, off, chunk, filled, n);
      filled += n;
      off += n;
      len -= n;
      total += n;
      if (filled == chunkSize) {
        leaf();
      }
    }
  }

  public long size() {
    return total;
  }

  /** The root CID of everything fed so far; the builder must not be fed afterwards. */
  public Cid finish() {
    if (filled > 0 || leaves.isEmpty()) {
      leaf();
    }
    List<Node> level = leaves;
    while (level.size() > 1) {
      List<Node> up = new ArrayList<>((level.size() + maxLinks - 1) / maxLinks);
      for (int i = 0; i < level.size(); i += maxLinks) {
        up.add(parent(level.subList(i, Math.min(level.size(), i + maxLinks))));
      }
      level = up;
    }
    return new Cid(Multiformats.cidV1String(level.get(0).cid()));
  }

  private void leaf() {
    sha256.update(chunk, 0, filled);
    byte[] cid = Multiformats.cidV1(RAW, sha256.digest());
    leaves.add(new Node(cid, filled, filled));
    filled = 0;
  }

  private Node parent(List<Node> children) {
    long fileSize = 0;
    for (Node c : children) {
      fileSize += c.fileSize();
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Protobuf.varintField(data, 1, 2); // Type = File
    Protobuf.varintField(data, 3, fileSize); // filesize
    for (Node c : children) {
      Protobuf.varintField(data, 4, c.fileSize()); // blocksizes
    }
    ByteArrayOutputStream node = new ByteArrayOutputStream();
    long tsize = 0;
    for (Node c : children) {
      ByteArrayOutputStream link = new ByteArrayOutputStream();
      Protobuf.bytesField(link, 1, c.cid()); // Hash
      Protobuf.bytesField(link, 2, new byte[0]); // Name, present and empty as boxo writes it
      Protobuf.varintField(link, 3, c.tsize()); // Tsize
      Protobuf.bytesField(node, 2, link.toByteArray()); // Links come before Data
      tsize += c.tsize();
    }
    Protobuf.bytesField(node, 1, data.toByteArray());
    byte[] encoded = node.toByteArray();
    byte[] cid = Multiformats.cidV1(DAG_PB, sha256.digest(encoded));
    return new Node(cid, encoded.length + tsize, fileSize);
  }
}
