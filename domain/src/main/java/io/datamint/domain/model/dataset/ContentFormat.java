package io.datamint.domain.model.dataset;

/** The formats a dataset version can have; anything else is rejected at inspection. */
public enum ContentFormat {
  CSV(Modality.TABULAR, "text/csv"),
  TSV(Modality.TABULAR, "text/tab-separated-values"),
  JSONL(Modality.TABULAR, "application/x-ndjson"),
  JSON(Modality.TABULAR, "application/json"),
  PNG(Modality.IMAGE, "image/png"),
  JPEG(Modality.IMAGE, "image/jpeg"),
  WEBP(Modality.IMAGE, "image/webp"),
  ZIP_OF_IMAGES(Modality.IMAGE, "application/zip"),
  ZIP_OF_TEXT(Modality.TEXT, "application/zip");

  private final Modality modality;
  private final String mediaType;

  ContentFormat(Modality modality, String mediaType) {
    this.modality = modality;
    this.mediaType = mediaType;
  }

  public Modality modality() {
    return modality;
  }

  /** The media type of the plaintext content, as served to a buyer after decryption. */
  public String mediaType() {
    return mediaType;
  }

  /** What kind of data the items are, which decides the labeling tools and the catalog filter. */
  public enum Modality {
    TABULAR,
    TEXT,
    IMAGE
  }
}
