package io.datamint.domain.model.dataset;

import java.util.Objects;

/** The content store could not do what was asked; {@link #failure()} says what went wrong. */
public class ContentStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Kinds of failure a caller handles differently. */
  public enum Failure {
    /** The store is down or unreachable: retry later. */
    UNAVAILABLE,
    /** The store did not answer in time: retry later. */
    TIMEOUT,
    /** The store refused the request; retrying the same request will not help. */
    REFUSED,
    /** The CID the store reported is not the CID of the bytes that were sent. */
    CID_MISMATCH,
    /** The content is not held by the store. */
    NOT_FOUND
  }

  private final Failure failure;

  public ContentStoreException(Failure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure must not be null");
  }

  public ContentStoreException(Failure failure, String message) {
    this(failure, message, null);
  }

  public Failure failure() {
    return failure;
  }

  /** Whether the same call may succeed later. */
  public boolean isTransient() {
    return failure == Failure.UNAVAILABLE || failure == Failure.TIMEOUT;
  }
}
