package io.datamint.domain.model.tokenization;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.DatasetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where token operations live. Implemented with JPA in the web application. */
public interface TokenOperationRepository {

  Optional<TokenOperation> find(ChainOperationKey key);

  /** The dataset's operations, the mint first, then by version. */
  List<TokenOperation> findByDataset(DatasetId dataset);

  /** The operation whose recorded transaction is {@code hash}. */
  Optional<TokenOperation> findByTransaction(TxHash hash);

  /** The mint that made token {@code token} of the DataNFT contract {@code dataNft}. */
  Optional<TokenOperation> findMint(ContractAddress dataNft, DataNftId token);

  /** Keys of pending operations due at {@code now}, oldest first. */
  List<ChainOperationKey> findDue(Instant now, int limit);

  /**
   * Operations a reorganisation from {@code fromBlock} may have touched: confirmed or listed in a
   * block from there on, or done and not confirmed yet.
   */
  List<TokenOperation> findTouchedFrom(long fromBlock);

  /**
   * Approved dataset versions that have no token operation yet, oldest approval first: the outbox's
   * safety net for approvals made before tokenization existed or by a path that fired no event.
   */
  List<VersionApproved> findApprovedWithoutOperation(int limit);

  void add(TokenOperation operation);

  void store(TokenOperation operation);
}
