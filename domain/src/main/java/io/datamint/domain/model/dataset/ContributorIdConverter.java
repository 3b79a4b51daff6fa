package io.datamint.domain.model.dataset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ContributorId} as its canonical string. */
@Converter
public class ContributorIdConverter implements AttributeConverter<ContributorId, String> {

  @Override
  public String convertToDatabaseColumn(ContributorId value) {
    return value == null ? null : value.value();
  }

  @Override
  public ContributorId convertToEntityAttribute(String column) {
    return column == null ? null : new ContributorId(column);
  }
}
