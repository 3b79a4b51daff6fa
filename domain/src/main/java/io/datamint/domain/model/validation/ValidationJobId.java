package io.datamint.domain.model.validation;

/** Identity of one validation job in the queue. */
public record ValidationJobId(long value) {

  public ValidationJobId {
    if (value <= 0) {
      throw new IllegalArgumentException("validation job id must be positive, was " + value);
    }
  }

  public static ValidationJobId of(long value) {
    return new ValidationJobId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
