package io.datamint.domain.model.dataset;

import java.util.Objects;

/**
 * The public preview sample of a version: a small JSON document (a few rows with personal data
 * masked, or a few downscaled images as data URIs) that is stored on IPFS in clear for the dataset
 * card. Never the content itself.
 */
public record Preview(String mediaType, byte[] bytes, int sampleSize) {

  public Preview {
    Objects.requireNonNull(mediaType, "media type must not be null");
    bytes = Objects.requireNonNull(bytes, "preview bytes must not be null").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preview p
        && mediaType.equals(p.mediaType)
        && sampleSize == p.sampleSize
        && java.util.Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * mediaType.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Preview[" + mediaType + ", " + bytes.length + " bytes, " + sampleSize + " items]";
  }
}
