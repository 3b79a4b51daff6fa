package io.datamint.domain.model.dataset;

/**
 * The type inferred for a column from all of its values: the narrowest type every non-missing value
 * fits, falling back to {@link #STRING}.
 */
public enum ColumnType {
  BOOLEAN,
  INTEGER,
  DECIMAL,
  DATE,
  TIMESTAMP,
  STRING,
  /** A nested JSON object or array. */
  NESTED,
  /** Every value is missing. */
  EMPTY
}
