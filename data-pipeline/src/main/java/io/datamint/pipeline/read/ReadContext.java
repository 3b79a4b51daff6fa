package io.datamint.pipeline.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.Item;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.pii.PersonalDataScanner;
import io.datamint.pipeline.profile.ImageProfiler;
import io.datamint.pipeline.profile.PreviewBuilder;
import io.datamint.pipeline.profile.TableProfiler;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.tika.parser.Parser;

/** What the readers of one inspection share: limits, profilers, preview, and the item sink. */
public final class ReadContext {

  public final InspectionLimits limits;
  public final ObjectMapper json;
  public final PersonalDataScanner pii = new PersonalDataScanner();
  public final TableProfiler table;
  public final ImageProfiler images = new ImageProfiler();
  public final PreviewBuilder preview;

  /** Tika's parser, for image metadata (EXIF GPS); null when metadata is not read. */
  public final Parser metadata;

  private static final long PROGRESS_BYTES = 1 << 20;

  private final ItemSink sink;
  private final MessageDigest sha256;
  private long ordinal;

  public ReadContext(InspectionLimits limits, ObjectMapper json, ItemSink sink, Parser metadata) {
    this.limits = limits;
    this.metadata = metadata;
    this.json = json;
    this.sink = sink;
    this.table =
        new TableProfiler(limits.distinctCap(), limits.labelCap(), limits.maxColumns(), pii);
    this.preview = new PreviewBuilder(json, limits.previewItems());
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Emits the next item, identified by the hash of its bytes and its ordinal. */
  public ItemId emit(byte[] itemBytes, int off, int len, String locator, long byteOffset) {
    sha256.update(itemBytes, off, len);
    ContentHash hash = ContentHash.ofDigest(sha256.digest());
    ItemId id = ItemId.of(hash, ordinal++);
    sink.accept(new Item(id, locator, hash, byteOffset, len));
    return id;
  }

  public ItemId emit(byte[] itemBytes, String locator, long byteOffset) {
    return emit(itemBytes, 0, itemBytes.length, locator, byteOffset);
  }

  /** Tells the sink how far reading has got (for progress). */
  public void reached(long bytesRead) {
    sink.reached(bytesRead);
  }

  /**
   * The file's bytes, counted for progress: the sink hears of each further MiB read, so formats
   * whose items carry no byte offset (CSV records, archive entries) still show progress.
   */
  public InputStream counted(InputStream in) {
    return new FilterInputStream(in) {
      private long read;
      private long told;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          advance(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
          advance(n);
        }
        return n;
      }

      private void advance(int n) {
        read += n;
        if (read - told >= PROGRESS_BYTES) {
          told = read;
          sink.reached(read);
        }
      }
    };
  }

  public long items() {
    return ordinal;
  }
}
