package io.datamint.domain.model.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inspection found in one version's file: its format, size and plaintext hash, the number
 * of items, the inferred schema with per-column statistics, the label distribution when a label
 * column exists, image sizes for image data, and personal-data flags. The public part of it goes
 * into the version's metadata JSON on IPFS.
 *
 * @param charset the text encoding of text formats, {@code null} for binary ones
 * @param labelColumn the column taken as the label, {@code null} when there is none
 * @param labelDistribution items per label value, most frequent first; empty without a label column
 * @param images image sizes, {@code null} unless the items are images
 */
public record Manifest(
    ContentFormat format,
    String fileName,
    long byteSize,
    ContentHash contentHash,
    String charset,
    long itemCount,
    List<ColumnProfile> columns,
    String labelColumn,
    Map<String, Long> labelDistribution,
    ImageStatistics images,
    List<PersonalDataFlag> personalData) {

  public Manifest {
    Objects.requireNonNull(format, "format must not be null");
    Objects.requireNonNull(fileName, "file name must not be null");
    Objects.requireNonNull(contentHash, "content hash must not be null");
    if (byteSize <= 0) {
      throw new IllegalArgumentException("a manifest describes a non-empty file");
    }
    if (itemCount < 0) {
      throw new IllegalArgumentException("item count must not be negative");
    }
    columns = List.copyOf(Objects.requireNonNull(columns, "columns must not be null"));
    // most frequent first, whatever order the source had (a database returns a map unordered)
    Map<String, Long> sorted = new LinkedHashMap<>();
    Objects.requireNonNull(labelDistribution, "label distribution").entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    labelDistribution = java.util.Collections.unmodifiableMap(sorted);
    if (labelColumn == null && !labelDistribution.isEmpty()) {
      throw new IllegalArgumentException("a label distribution needs a label column");
    }
    personalData = List.copyOf(Objects.requireNonNull(personalData, "personal data flags"));
  }

  public Optional<String> label() {
    return Optional.ofNullable(labelColumn);
  }

  public Optional<ImageStatistics> imageStatistics() {
    return Optional.ofNullable(images);
  }

  public boolean hasPersonalData() {
    return !personalData.isEmpty();
  }
}
