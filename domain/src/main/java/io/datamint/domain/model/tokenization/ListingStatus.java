package io.datamint.domain.model.tokenization;

import java.util.Optional;

/**
 * A dataset's listing status as the DataNFT contract records it, set by minting and by moderators
 * ({@code ListingStatusChanged}). Ordinals follow the contract's enum.
 */
public enum ListingStatus {
  NONE,
  LISTED,
  UNLISTED,
  REVOKED;

  /** The status for the contract's {@code uint8} value, if it is one we know. */
  public static Optional<ListingStatus> fromChain(String ordinal) {
    try {
      int value = Integer.parseInt(ordinal);
      return value >= 0 && value < values().length
          ? Optional.of(values()[value])
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
