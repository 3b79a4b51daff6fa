package io.datamint.domain.model.chain;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.Objects;

/**
 * Puts datasets on chain: mints a dataset's DataNFT with its datatoken to the contributor,
 * publishes new versions and carries moderation decisions. Every call is idempotent under its
 * {@link ChainOperationKey}.
 *
 * @throws ChainRejectedException from every method when the contract refuses
 * @throws ChainUnavailableException from every method when the node cannot be reached
 */
public interface DatasetTokenizer {

  MintedDataset mint(ChainOperationKey key, DatasetMint request);

  PublishedVersion publishVersion(
      ChainOperationKey key, DataNftId dataset, Cid metadataCid, Cid contentCid, ContentHash hash);

  /** Applies a moderator's decision on chain, with its public reason. */
  TxHash moderate(ChainOperationKey key, DataNftId dataset, Moderation action, String reason);

  /** What a dataset needs to be minted. */
  record DatasetMint(
      WalletAddress contributor,
      Cid metadataCid,
      Cid contentCid,
      ContentHash contentHash,
      SpdxLicense license,
      int royaltyBps,
      String datatokenName,
      String datatokenSymbol) {

    public DatasetMint {
      Objects.requireNonNull(contributor, "contributor must not be null");
      Objects.requireNonNull(metadataCid, "metadata CID must not be null");
      Objects.requireNonNull(contentCid, "content CID must not be null");
      Objects.requireNonNull(contentHash, "content hash must not be null");
      Objects.requireNonNull(license, "license must not be null");
      Objects.requireNonNull(datatokenName, "datatoken name must not be null");
      Objects.requireNonNull(datatokenSymbol, "datatoken symbol must not be null");
      if (royaltyBps < 0 || royaltyBps > 2_500) {
        throw new IllegalArgumentException("royalty must be 0..2500 basis points");
      }
    }
  }

  /** A minted dataset: where it lives on chain and the transaction that made it. */
  record MintedDataset(
      DataNftId tokenId, ContractAddress dataNft, ContractAddress datatoken, TxHash transaction) {}

  /** A published version number and its transaction. */
  record PublishedVersion(DataNftId tokenId, long version, TxHash transaction) {}

  /** What a moderator can do to a dataset on chain. */
  enum Moderation {
    UNLIST,
    RELIST,
    REVOKE
  }
}
