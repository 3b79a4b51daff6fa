package io.datamint.pipeline.inspect;

/**
 * Limits that keep hostile or accidental input from exhausting disk, memory or time.
 *
 * @param maxFileBytes largest upload accepted
 * @param maxRecordBytes longest CSV record, JSON line or JSON element
 * @param maxColumns most columns (CSV fields, distinct JSON keys)
 * @param maxImageBytes largest single image (a file or an archive entry)
 * @param maxImagePixels largest image area, checked from the header before decoding
 * @param maxArchiveEntries most entries in a ZIP
 * @param maxArchiveExpandedBytes most bytes all ZIP entries may expand to together
 * @param maxCompressionRatio highest expanded/compressed ratio of an entry above 1 MiB
 * @param distinctCap distinct values counted exactly per column
 * @param labelCap most distinct labels for a column to count as a label column
 * @param previewItems records or images in the public preview
 */
public record InspectionLimits(
    long maxFileBytes,
    int maxRecordBytes,
    int maxColumns,
    int maxImageBytes,
    long maxImagePixels,
    int maxArchiveEntries,
    long maxArchiveExpandedBytes,
    int maxCompressionRatio,
    int distinctCap,
    int labelCap,
    int previewItems) {

  public InspectionLimits {
    if (maxFileBytes <= 0
        || maxRecordBytes <= 0
        || maxColumns <= 0
        || maxImageBytes <= 0
        || maxImagePixels <= 0
        || maxArchiveEntries <= 0
        || maxArchiveExpandedBytes <= 0
        || maxCompressionRatio <= 1
        || distinctCap <= 0
        || labelCap <= 0
        || previewItems < 0) {
      throw new IllegalArgumentException("inspection limits must be positive");
    }
  }

  /** Limits for the web upload: 4 GiB files, 100,000 archive entries. */
  public static InspectionLimits defaults() {
    return new InspectionLimits(
        4L << 30,
        16 << 20,
        2_000,
        64 << 20,
        100_000_000L,
        100_000,
        16L << 30,
        100,
        10_000,
        1_000,
        10);
  }

  public InspectionLimits withMaxFileBytes(long bytes) {
    return new InspectionLimits(
        bytes,
        maxRecordBytes,
        maxColumns,
        maxImageBytes,
        maxImagePixels,
        maxArchiveEntries,
        maxArchiveExpandedBytes,
        maxCompressionRatio,
        distinctCap,
        labelCap,
        previewItems);
  }

  public InspectionLimits withArchiveLimits(int entries, long expandedBytes, int ratio) {
    return new InspectionLimits(
        maxFileBytes,
        maxRecordBytes,
        maxColumns,
        maxImageBytes,
        maxImagePixels,
        entries,
        expandedBytes,
        ratio,
        distinctCap,
        labelCap,
        previewItems);
  }

  public InspectionLimits withMaxRecordBytes(int bytes) {
    return new InspectionLimits(
        maxFileBytes,
        bytes,
        maxColumns,
        maxImageBytes,
        maxImagePixels,
        maxArchiveEntries,
        maxArchiveExpandedBytes,
        maxCompressionRatio,
        distinctCap,
        labelCap,
        previewItems);
  }

  public InspectionLimits withMaxImagePixels(long pixels) {
    return new InspectionLimits(
        maxFileBytes,
        maxRecordBytes,
        maxColumns,
        maxImageBytes,
        pixels,
        maxArchiveEntries,
        maxArchiveExpandedBytes,
        maxCompressionRatio,
        distinctCap,
        labelCap,
        previewItems);
  }
}
