package io.datamint.domain.model.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Cid} as its canonical string. */
@Converter
public class CidConverter implements AttributeConverter<Cid, String> {

  @Override
  public String convertToDatabaseColumn(Cid value) {
    return value == null ? null : value.value();
  }

  @Override
  public Cid convertToEntityAttribute(String column) {
    return column == null ? null : Cid.of(column);
  }
}
