package io.datamint.domain.model.campaign;

import io.datamint.domain.model.dataset.ItemId;
import java.util.List;
import java.util.Objects;

/**
 * An item whose right answer the campaign's owner knows: shown to labelers like any other task
 * (they cannot tell it apart), it measures their accuracy. Its answer is never shown to a labeler.
 */
public record GoldItem(ItemId item, List<String> answer) {

  public GoldItem {
    Objects.requireNonNull(item, "gold item id must not be null");
    answer = List.copyOf(Objects.requireNonNull(answer, "gold answer must not be null"));
  }
}
