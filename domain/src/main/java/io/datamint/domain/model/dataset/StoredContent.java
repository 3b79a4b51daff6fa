package io.datamint.domain.model.dataset;

import io.datamint.domain.model.shared.WrappedKey;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Where a version lives on IPFS: the encrypted content, the public preview and the public metadata
 * JSON, plus the version's data key wrapped by the master key (never the key itself).
 */
@Embeddable
public class StoredContent {

  @Convert(converter = CidConverter.class)
  @Column(name = "content_cid", length = 100)
  private Cid contentCid;

  @Column(name = "encrypted_size")
  private Long encryptedSize;

  @Convert(converter = CidConverter.class)
  @Column(name = "preview_cid", length = 100)
  private Cid previewCid;

  @Convert(converter = CidConverter.class)
  @Column(name = "metadata_cid", length = 100)
  private Cid metadataCid;

  @Column(name = "master_key_id", length = 100)
  private String masterKeyId;

  @Column(name = "wrapped_data_key")
  private byte[] wrappedDataKey;

  protected StoredContent() {
    // for JPA
  }

  public StoredContent(
      Cid contentCid, long encryptedSize, Cid previewCid, Cid metadataCid, WrappedKey dataKey) {
    this.contentCid = Objects.requireNonNull(contentCid, "content CID must not be null");
    this.previewCid = Objects.requireNonNull(previewCid, "preview CID must not be null");
    this.metadataCid = Objects.requireNonNull(metadataCid, "metadata CID must not be null");
    Objects.requireNonNull(dataKey, "wrapped data key must not be null");
    if (encryptedSize <= 0) {
      throw new IllegalArgumentException("encrypted size must be positive");
    }
    this.encryptedSize = encryptedSize;
    this.masterKeyId = dataKey.masterKeyId();
    this.wrappedDataKey = dataKey.ciphertext();
  }

  public Cid contentCid() {
    return contentCid;
  }

  public long encryptedSize() {
    return encryptedSize;
  }

  public Cid previewCid() {
    return previewCid;
  }

  public Cid metadataCid() {
    return metadataCid;
  }

  public WrappedKey wrappedDataKey() {
    return new WrappedKey(masterKeyId, wrappedDataKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredContent s
        && contentCid.equals(s.contentCid)
        && encryptedSize.equals(s.encryptedSize)
        && previewCid.equals(s.previewCid)
        && metadataCid.equals(s.metadataCid)
        && wrappedDataKey().equals(s.wrappedDataKey());
  }

  @Override
  public int hashCode() {
    return Objects.hash(contentCid, previewCid, metadataCid);
  }

  @Override
  public String toString() {
    return "StoredContent[content "
        + contentCid
        + ", preview "
        + previewCid
        + ", metadata "
        + metadataCid
        + "]";
  }
}
