package io.datamint.domain.model.campaign;

import java.util.List;

/**
 * Writes a version's content with the consensus labels added (a label and a confidence per item, in
 * the form the format allows) and publishes it as the dataset's next version, which then goes
 * through inspection, storage, review and the NFT's version update like any other.
 */
public interface ConsensusVersionPublisher {

  /**
   * @param fileName the new version's file name
   * @return the new version's number
   * @throws UnsupportedOperationException when the format cannot carry labels yet
   * @throws IllegalStateException when the dataset cannot take a version now (one is still being
   *     processed or reviewed): try again later
   */
  int publish(ConsensusSource source, List<ConsensusLabel> labels, String fileName);
}
