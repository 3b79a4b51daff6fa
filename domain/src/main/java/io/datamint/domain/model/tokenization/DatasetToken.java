package io.datamint.domain.model.tokenization;

import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset's token as pages and the API show it: the mint (status, token id, contracts,
 * transaction, why it waits or failed) and each later version's publication.
 *
 * @param status the mint's status
 * @param confirmed whether the mint's event was seen at the indexer's confirmation depth
 * @param listing the listing status on chain, once an event said it
 * @param versions later versions' publications, oldest first
 */
public record DatasetToken(
    TokenStatus status,
    Optional<DataNftId> tokenId,
    Optional<ContractAddress> dataNft,
    Optional<ContractAddress> datatoken,
    Optional<TxHash> transaction,
    Optional<String> message,
    boolean confirmed,
    Optional<ListingStatus> listing,
    List<VersionToken> versions) {

  public DatasetToken {
    Objects.requireNonNull(status, "status must not be null");
    versions = List.copyOf(versions);
  }

  /** One later version on its way to the chain. */
  public record VersionToken(
      int version,
      TokenStatus status,
      Optional<Long> chainVersion,
      Optional<TxHash> transaction,
      Optional<String> message,
      boolean confirmed) {}

  /** The token of a dataset from its operations; empty while it has none (not approved yet). */
  public static Optional<DatasetToken> of(List<TokenOperation> operations) {
    Optional<TokenOperation> mint =
        operations.stream().filter(o -> o.kind() == TokenOperationKind.MINT).findFirst();
    if (mint.isEmpty()) {
      return Optional.empty();
    }
    TokenOperation m = mint.get();
    List<VersionToken> versions =
        operations.stream()
            .filter(o -> o.kind() == TokenOperationKind.PUBLISH_VERSION)
            .sorted(Comparator.comparingInt(TokenOperation::version))
            .map(
                o ->
                    new VersionToken(
                        o.version(),
                        o.status(),
                        o.chainVersion(),
                        o.transaction(),
                        o.message(),
                        o.confirmedBlock().isPresent()))
            .toList();
    return Optional.of(
        new DatasetToken(
            m.status(),
            m.tokenId(),
            m.dataNft(),
            m.datatoken(),
            m.transaction(),
            m.message(),
            m.confirmedBlock().isPresent(),
            m.listing(),
            versions));
  }
}
