package io.datamint.pipeline.read;

import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.domain.model.dataset.RejectionReason;

/**
 * The input is bad in a way the contributor can fix; carries the reason shown to them. No stack
 * trace is filled in: this is an outcome, not a failure of the program.
 */
public class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient RejectionReason reason;

  public BadInputException(RejectionReason reason) {
    super(reason.toString(), null, false, false);
    this.reason = reason;
  }

  public static BadInputException at(RejectionCode code, String location, String message) {
    return new BadInputException(RejectionReason.at(code, location, message));
  }

  public static BadInputException of(RejectionCode code, String message) {
    return new BadInputException(RejectionReason.of(code, message));
  }

  public RejectionReason reason() {
    return reason;
  }
}
