package io.datamint.domain.model.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a closed campaign's consensus labels left it: as a new version of the dataset (RELEASED), not
 * at all because no item reached a consensus (SKIPPED), or not because the version's format cannot
 * carry them yet (FAILED, with the reason). A campaign without a release is still waiting.
 *
 * @param fileName the new version's file name, which also recognises the version after a crash
 */
public record ConsensusRelease(
    CampaignId campaign,
    State state,
    String fileName,
    OptionalInt version,
    long items,
    String message,
    Instant at) {

  /** The outcome; there is no way back from any of them. */
  public enum State {
    RELEASED,
    SKIPPED,
    FAILED
  }

  public ConsensusRelease {
    Objects.requireNonNull(campaign, "campaign must not be null");
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(version, "version must not be null (may be empty)");
    Objects.requireNonNull(at, "time must not be null");
    if ((state == State.RELEASED) != version.isPresent()) {
      throw new IllegalArgumentException("a released consensus names its version, no other does");
    }
  }
}
