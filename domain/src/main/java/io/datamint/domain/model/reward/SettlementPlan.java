package io.datamint.domain.model.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The epoch rules: when a campaign gets a new settlement, and with which leaves.
 *
 * <ul>
 *   <li>while the latest settlement is PENDING, none: its operation resumes it with its stored
 *       leaves (a crash never produces a second root for one snapshot);
 *   <li>when the ledger's cumulative entitlements equal the latest posted leaves, none: nothing
 *       changed since the last root;
 *   <li>otherwise epoch + 1 with ALL labelers' cumulative entitlements (the new root replaces the
 *       old one on chain, so a labeler missing from it could no longer claim);
 *   <li>an entitlement below the one in the latest root is a broken ledger (credits are never taken
 *       back): refused, since the escrow would refuse the smaller total anyway.
 * </ul>
 */
public final class SettlementPlan {

  private SettlementPlan() {}

  /**
   * @param entitlements the ledger's cumulative credit per wallet now
   * @param creditCount the ledger's number of credits now
   */
  public static Optional<Settlement> next(
      CampaignId campaign,
      Optional<Settlement> latest,
      Map<WalletAddress, TokenAmount> entitlements,
      long creditCount,
      Instant now) {
    if (latest.isPresent() && !latest.get().isPosted()) {
      return Optional.empty();
    }
    Map<WalletAddress, TokenAmount> earned =
        entitlements.entrySet().stream()
            .filter(e -> !e.getValue().isZero())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<WalletAddress, TokenAmount> before =
        latest
            .map(
                s ->
                    s.leaves().stream()
                        .collect(Collectors.toMap(Entitlement::labeler, Entitlement::cumulative)))
            .orElse(Map.of());
    before.forEach(
        (wallet, amount) -> {
          TokenAmount current = earned.getOrDefault(wallet, TokenAmount.ZERO);
          if (current.compareTo(amount) < 0) {
            throw new IllegalStateException(
                "the ledger credits "
                    + wallet
                    + " with "
                    + current
                    + " in campaign "
                    + campaign
                    + ", less than the "
                    + amount
                    + " of the latest root: credits are never taken back");
          }
        });
    if (earned.isEmpty() || earned.equals(before)) {
      return Optional.empty();
    }
    int epoch = latest.map(s -> s.epoch() + 1).orElse(1);
    List<Entitlement> leaves =
        earned.entrySet().stream().map(e -> new Entitlement(e.getKey(), e.getValue())).toList();
    return Optional.of(
        new Settlement(
            campaign,
            epoch,
            leaves,
            creditCount,
            Settlement.Status.PENDING,
            Optional.empty(),
            Optional.empty(),
            now));
  }
}
