package io.datamint.domain.model.chain;

/**
 * The token id of a dataset's DataNFT. The contract numbers datasets from 1 in mint order; together
 * with the DataNFT contract's address it names the dataset on chain.
 */
public record DataNftId(long value) {

  public DataNftId {
    if (value < 1) {
      throw new IllegalArgumentException("DataNFT token ids start at 1, got " + value);
    }
  }

  public static DataNftId of(long value) {
    return new DataNftId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
