package io.datamint.domain.model.campaign;

import java.util.Map;
import java.util.Objects;

/**
 * What a labeler sees of an item: a record's fields (tabular data, the label column left out), a
 * text, or an image.
 *
 * @param fields column → value for a record; empty otherwise
 * @param text the text of a text item; null otherwise
 * @param mediaType the media type of {@code bytes} (an image); null otherwise
 * @param bytes an image's bytes; null otherwise
 */
public record TaskContent(
    Kind kind, Map<String, String> fields, String text, String mediaType, byte[] bytes) {

  public TaskContent {
    Objects.requireNonNull(kind, "kind must not be null");
    fields =
        fields == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  public static TaskContent fields(Map<String, String> fields) {
    return new TaskContent(Kind.FIELDS, fields, null, null, null);
  }

  public static TaskContent text(String text) {
    return new TaskContent(Kind.TEXT, null, Objects.requireNonNull(text, "text"), null, null);
  }

  public static TaskContent image(String mediaType, byte[] bytes) {
    return new TaskContent(
        Kind.IMAGE, null, null, Objects.requireNonNull(mediaType, "media type"), bytes.clone());
  }

  /** What kind of content it is. */
  public enum Kind {
    FIELDS,
    TEXT,
    IMAGE
  }
}
