package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;

/**
 * What a labeler has earned in a campaign IN TOTAL so far (cumulative, not per epoch). A settlement
 * is the set of all labelers' entitlements at the end of an epoch.
 */
public record Entitlement(WalletAddress labeler, TokenAmount cumulative) {

  public Entitlement {
    Objects.requireNonNull(labeler, "labeler must not be null");
    Objects.requireNonNull(cumulative, "cumulative amount must not be null");
  }
}
