package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An item of a campaign as its owner follows it: how many labels it has and how they fared, and the
 * consensus of the latest validation round that saw it.
 *
 * @param ordinal the item's position in the version
 * @param labels labels given (k for a complete regular item; any number for a gold item)
 * @param complete whether all k labels are in (always false for a gold item, which has no slots)
 * @param consensus the label(s) the crowd most probably meant; empty before validation
 * @param confidence the probability that the consensus is right
 */
public record ItemOutcome(
    ItemId item,
    long ordinal,
    boolean gold,
    int labels,
    boolean complete,
    int accepted,
    int rejected,
    List<String> consensus,
    OptionalDouble confidence) {

  public ItemOutcome {
    Objects.requireNonNull(item, "item must not be null");
    consensus = List.copyOf(consensus);
    Objects.requireNonNull(confidence, "confidence must not be null (may be empty)");
  }
}
