package io.datamint.domain.model.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SpdxLicense} as its canonical string. */
@Converter
public class SpdxLicenseConverter implements AttributeConverter<SpdxLicense, String> {

  @Override
  public String convertToDatabaseColumn(SpdxLicense value) {
    return value == null ? null : value.id();
  }

  @Override
  public SpdxLicense convertToEntityAttribute(String column) {
    return column == null ? null : SpdxLicense.of(column);
  }
}
