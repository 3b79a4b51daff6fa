package io.datamint.domain.model.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ContentHash} as its canonical string. */
@Converter
public class ContentHashConverter implements AttributeConverter<ContentHash, String> {

  @Override
  public String convertToDatabaseColumn(ContentHash value) {
    return value == null ? null : value.sha256Hex();
  }

  @Override
  public ContentHash convertToEntityAttribute(String column) {
    return column == null ? null : new ContentHash(column);
  }
}
