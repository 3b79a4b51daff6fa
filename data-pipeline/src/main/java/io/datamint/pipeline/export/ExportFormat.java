package io.datamint.pipeline.export;

/** What a buyer can download a tabular dataset as. */
public enum ExportFormat {
  JSONL("application/x-ndjson", "jsonl"),
  CSV("text/csv", "csv");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }
}
