package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.util.List;
import java.util.Objects;

/**
 * What validation concluded about one item of a campaign: its most probable label(s) and how sure
 * it is. The locator finds the item in the version's file again ({@code line 12}, {@code entry
 * cats/1.png}).
 *
 * @param confidence the posterior probability of the consensus, 0..1
 */
public record ConsensusLabel(ItemId item, String locator, List<String> labels, double confidence) {

  public ConsensusLabel {
    Objects.requireNonNull(item, "item must not be null");
    Objects.requireNonNull(locator, "locator must not be null");
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a consensus names at least one label");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must lie in [0, 1], was " + confidence);
    }
  }
}
