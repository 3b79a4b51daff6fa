package io.datamint.domain.model.chain;

/**
 * The chain could not be reached, or did not answer in time. Nothing was lost: an operation that
 * got this far was recorded under its {@link ChainOperationKey} and is resumed by retrying it.
 */
public class ChainUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChainUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
