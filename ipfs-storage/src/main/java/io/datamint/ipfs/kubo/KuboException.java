package io.datamint.ipfs.kubo;

import io.datamint.domain.model.dataset.ContentStoreException;

/** A Kubo call failed; the message says which call and what to do about it. */
public class KuboException extends ContentStoreException {

  private static final long serialVersionUID = 1L;

  public KuboException(Failure failure, String message, Throwable cause) {
    super(failure, message, cause);
  }

  public KuboException(Failure failure, String message) {
    super(failure, message);
  }
}
