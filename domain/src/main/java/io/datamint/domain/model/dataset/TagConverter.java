package io.datamint.domain.model.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Tag} as its canonical string. */
@Converter
public class TagConverter implements AttributeConverter<Tag, String> {

  @Override
  public String convertToDatabaseColumn(Tag value) {
    return value == null ? null : value.value();
  }

  @Override
  public Tag convertToEntityAttribute(String column) {
    return column == null ? null : new Tag(column);
  }
}
