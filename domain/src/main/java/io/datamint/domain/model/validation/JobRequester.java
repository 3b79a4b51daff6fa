package io.datamint.domain.model.validation;

import java.util.Objects;

/**
 * Who asked for a validation job through the application: the caller's OIDC subject, which stays
 * the same when the user name changes. Jobs queued by campaigns have no requester.
 */
public record JobRequester(String subject) {

  public JobRequester {
    Objects.requireNonNull(subject, "requester subject must not be null");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("requester subject must not be blank");
    }
  }

  @Override
  public String toString() {
    return subject;
  }
}
