package io.datamint.domain.model.validation;

/**
 * The label the crowd most probably meant for one item.
 *
 * @param confidence the posterior probability, in [0, 1], that the consensus label is right
 */
public record ItemConsensus(String itemKey, String consensusLabel, double confidence) {

  public ItemConsensus {
    Annotation.requireText(itemKey, "item key");
    Annotation.requireText(consensusLabel, "consensus label");
    ValidationResult.requireProbability(confidence, "confidence");
  }
}
