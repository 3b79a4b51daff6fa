package io.datamint.domain.model.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a version was rejected, precise enough for the contributor to fix the file: a code, a
 * human-readable message, and where in the file the problem is (e.g. {@code line 17}, {@code entry
 * images/../../etc/passwd}). Never a stack trace: messages are written for people.
 */
@Embeddable
public class RejectionReason {

  private static final int MAX_MESSAGE = 1000;
  private static final int MAX_LOCATION = 500;

  @Enumerated(EnumType.STRING)
  @Column(name = "rejection_code", length = 40)
  private RejectionCode code;

  @Column(name = "rejection_message", length = MAX_MESSAGE)
  private String message;

  @Column(name = "rejection_location", length = MAX_LOCATION)
  private String location;

  protected RejectionReason() {
    // for JPA
  }

  public RejectionReason(RejectionCode code, String message, String location) {
    this.code = Objects.requireNonNull(code, "rejection code must not be null");
    this.message =
        clip(Objects.requireNonNull(message, "rejection message must not be null"), MAX_MESSAGE);
    this.location = location == null ? null : clip(location, MAX_LOCATION);
  }

  public static RejectionReason of(RejectionCode code, String message) {
    return new RejectionReason(code, message, null);
  }

  public static RejectionReason at(RejectionCode code, String location, String message) {
    return new RejectionReason(code, message, location);
  }

  public RejectionCode code() {
    return code;
  }

  public String message() {
    return message;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** One line for a UI or an API answer, e.g. {@code line 17: expected 4 fields, found 5}. */
  public String describe() {
    return location == null ? message : location + ": " + message;
  }

  private static String clip(String s, int max) {
    // strip control characters so that a hostile file name cannot forge log lines or UI text
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RejectionReason r
        && code == r.code
        && message.equals(r.message)
        && Objects.equals(location, r.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message, location);
  }

  @Override
  public String toString() {
    return code + " " + describe();
  }
}
