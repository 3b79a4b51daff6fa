package io.datamint.pipeline.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ColumnProfile;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.ImageStatistics;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.PersonalDataFlag;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.pipeline.profile.PreviewBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes a version's public metadata: ERC-721 style {@code name} and {@code description}, then the
 * license (SPDX id), tags, format, schema, statistics, the kinds and counts of personal data found,
 * and where the preview and the encrypted content are, with the plaintext's SHA-256 so a buyer can
 * check a download.
 *
 * <p>Deliberately absent: the owner's account (the chain says who owns the NFT), masked examples of
 * personal data (for reviewers, not the public), anything about keys. The output depends only on
 * its inputs, with a fixed key order, so the same version always gets the same metadata CID.
 */
public final class PublicMetadataWriter {

  /** Names the encryption format of the content, see {@code ChunkedAesGcmCipher}. */
  public static final String CONTENT_ENCRYPTION = "datamint-aes-256-gcm-stream-v1";

  private final ObjectMapper json;

  public PublicMetadataWriter(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json must not be null");
  }

  public byte[] write(
      Dataset dataset, int versionNumber, Cid contentCid, long encryptedBytes, Cid previewCid) {
    Objects.requireNonNull(dataset, "dataset must not be null");
    Objects.requireNonNull(contentCid, "content CID must not be null");
    Objects.requireNonNull(previewCid, "preview CID must not be null");
    DatasetVersion version = dataset.version(versionNumber);
    Manifest m =
        version
            .manifest()
            .orElseThrow(
                () -> new IllegalStateException("version " + versionNumber + " was not inspected"));

    ObjectNode root = json.createObjectNode();
    root.put("name", dataset.title());
    root.put("description", dataset.description());
    root.put("license", dataset.license().id());
    ArrayNode tags = root.putArray("tags");
    dataset.tags().stream().map(Tag::value).sorted().forEach(tags::add);
    root.put("dataset", dataset.id().toString());
    root.put("version", versionNumber);
    root.put("format", m.format().name());
    root.put("mediaType", m.format().mediaType());
    root.put("modality", m.format().modality().name());

    ObjectNode content = root.putObject("content");
    content.put("cid", contentCid.value());
    content.put("uri", contentCid.uri());
    content.put("encryption", CONTENT_ENCRYPTION);
    content.put("encryptedBytes", encryptedBytes);
    content.put("bytes", m.byteSize());
    content.put("sha256", m.contentHash().sha256Hex());

    ObjectNode preview = root.putObject("preview");
    preview.put("cid", previewCid.value());
    preview.put("uri", previewCid.uri());
    preview.put("mediaType", PreviewBuilder.MEDIA_TYPE);

    ArrayNode schema = root.putArray("schema");
    for (ColumnProfile c : m.columns()) {
      ObjectNode col = schema.addObject();
      col.put("name", c.name());
      col.put("type", c.type().name());
      col.put("missing", c.missing());
      col.put("distinct", c.distinct());
      col.put("distinctCapped", c.distinctCapped());
    }

    ObjectNode stats = root.putObject("statistics");
    stats.put("items", m.itemCount());
    if (m.charset() != null) {
      stats.put("charset", m.charset());
    }
    if (m.labelColumn() != null) {
      stats.put("labelColumn", m.labelColumn());
      ObjectNode labels = stats.putObject("labelDistribution");
      m.labelDistribution().forEach(labels::put);
    }
    ImageStatistics img = m.images();
    if (img != null) {
      ObjectNode images = stats.putObject("images");
      images.put("count", img.count());
      images.put("minWidth", img.minWidth());
      images.put("maxWidth", img.maxWidth());
      images.put("minHeight", img.minHeight());
      images.put("maxHeight", img.maxHeight());
      images.put("meanWidth", img.meanWidth());
      images.put("meanHeight", img.meanHeight());
    }

    ArrayNode pii = root.putArray("personalData");
    for (PersonalDataFlag f : m.personalData()) {
      ObjectNode flag = pii.addObject();
      flag.put("kind", f.kind().name());
      flag.put("occurrences", f.occurrences());
    }
    try {
      return json.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
