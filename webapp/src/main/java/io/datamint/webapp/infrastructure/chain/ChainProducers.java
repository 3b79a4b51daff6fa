package io.datamint.webapp.infrastructure.chain;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The chain ports for the application services. Each call goes through the {@link ChainConnection}
 * (which connects on first use), so a service can be injected, and called, while the node is down:
 * it then gets a {@link io.datamint.domain.model.chain.ChainUnavailableException} and keeps its
 * work queued.
 */
@ApplicationScoped
public class ChainProducers {

  @Produces
  @ApplicationScoped
  DatasetTokenizer datasetTokenizer(ChainConnection chain) {
    return new DatasetTokenizer() {
      @Override
      public MintedDataset mint(ChainOperationKey key, DatasetMint request) {
        return chain.tokenizer().mint(key, request);
      }

      @Override
      public PublishedVersion publishVersion(
          ChainOperationKey key,
          DataNftId dataset,
          Cid metadataCid,
          Cid contentCid,
          ContentHash hash) {
        return chain.tokenizer().publishVersion(key, dataset, metadataCid, contentCid, hash);
      }

      @Override
      public TxHash moderate(
          ChainOperationKey key, DataNftId dataset, Moderation action, String reason) {
        return chain.tokenizer().moderate(key, dataset, action, reason);
      }
    };
  }
}
