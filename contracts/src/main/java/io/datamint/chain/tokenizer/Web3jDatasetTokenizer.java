package io.datamint.chain.tokenizer;

import io.datamint.chain.ChainClient;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.generated.DataNFT;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import java.math.BigInteger;
import java.util.Objects;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Mints datasets, publishes versions and applies moderation through the DataNFT contract, signed by
 * the platform's key (which holds the publisher and moderator roles).
 */
public final class Web3jDatasetTokenizer implements DatasetTokenizer {

  private final ChainClient chain;
  private final DataNFT dataNft;
  private final String address;

  public Web3jDatasetTokenizer(ChainClient chain, DatamintContracts contracts) {
    this.chain = Objects.requireNonNull(chain, "chain must not be null");
    this.address = contracts.dataNft().value();
    this.dataNft = DataNFT.load(address, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
  }

  @Override
  public MintedDataset mint(ChainOperationKey key, DatasetMint request) {
    DataNFT.MintRequest mint =
        new DataNFT.MintRequest(
            request.contributor().value(),
            request.metadataCid().value(),
            request.contentCid().value(),
            request.contentHash().digest(),
            request.license().id(),
            BigInteger.valueOf(request.royaltyBps()),
            request.datatokenName(),
            request.datatokenSymbol());
    TransactionReceipt receipt = send(key, dataNft.mintDataset(mint).encodeFunctionCall());
    DataNFT.DatasetMintedEventResponse minted =
        ChainClient.event(
            receipt, address, DataNFT.DATASETMINTED_EVENT, DataNFT::getDatasetMintedEventFromLog);
    return new MintedDataset(
        DataNftId.of(minted.datasetId.longValueExact()),
        ContractAddress.of(address),
        ContractAddress.of(minted.datatoken),
        TxHash.of(receipt.getTransactionHash()));
  }

  @Override
  public PublishedVersion publishVersion(
      ChainOperationKey key, DataNftId dataset, Cid metadataCid, Cid contentCid, ContentHash hash) {
    String data =
        dataNft
            .publishVersion(
                BigInteger.valueOf(dataset.value()),
                metadataCid.value(),
                contentCid.value(),
                hash.digest())
            .encodeFunctionCall();
    TransactionReceipt receipt = send(key, data);
    DataNFT.VersionPublishedEventResponse published =
        ChainClient.event(
            receipt,
            address,
            DataNFT.VERSIONPUBLISHED_EVENT,
            DataNFT::getVersionPublishedEventFromLog);
    return new PublishedVersion(
        dataset, published.version.longValueExact(), TxHash.of(receipt.getTransactionHash()));
  }

  @Override
  public TxHash moderate(
      ChainOperationKey key, DataNftId dataset, Moderation action, String reason) {
    BigInteger id = BigInteger.valueOf(dataset.value());
    String data =
        switch (action) {
          case UNLIST -> dataNft.unlist(id, reason).encodeFunctionCall();
          case RELIST -> dataNft.relist(id, reason).encodeFunctionCall();
          case REVOKE -> dataNft.revoke(id, reason).encodeFunctionCall();
        };
    return TxHash.of(send(key, data).getTransactionHash());
  }

  /** The dataset's current version number on chain. */
  public long versionOf(DataNftId dataset) {
    return chain
        .read(dataNft.versionOf(BigInteger.valueOf(dataset.value())), "the version of " + dataset)
        .longValueExact();
  }

  /** {@code ipfs://<metadata CID>} of the latest version. */
  public String tokenUri(DataNftId dataset) {
    return chain.read(dataNft.tokenURI(BigInteger.valueOf(dataset.value())), "a token URI");
  }

  private TransactionReceipt send(ChainOperationKey key, String data) {
    return chain.sender().send(key, chain.platform(), address, data, BigInteger.ZERO);
  }
}
