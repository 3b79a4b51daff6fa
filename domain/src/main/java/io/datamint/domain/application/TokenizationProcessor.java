package io.datamint.domain.application;

import io.datamint.domain.application.TokenizationService.Publication;
import io.datamint.domain.application.TokenizationService.Work;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.DatasetTokenizer;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The tokenization kind of chain operation (mint a dataset, publish a later version), worked off by
 * the one {@link ChainOperationSchedule}: it supplies what an attempt sends (through the {@link
 * DatasetTokenizer}, idempotent under the operation's key) and what it records; claiming, the
 * back-off while the chain is unavailable and failures with the decoded revert are the schedule's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TokenizationProcessor extends ChainOperationProcessor<Work> {

  private TokenizationService tokenization;
  private DatasetTokenizer tokenizer;

  protected TokenizationProcessor() {
    // for CDI proxies
  }

  @Inject
  public TokenizationProcessor(
      TokenizationService tokenization,
      DatasetTokenizer tokenizer,
      PendingTransactionStore transactions) {
    super(transactions);
    this.tokenization = tokenization;
    this.tokenizer = tokenizer;
  }

  @Override
  public String name() {
    return "tokenization";
  }

  @Override
  public List<ChainOperationKey> due(int limit) {
    return tokenization.due(limit);
  }

  @Override
  public Optional<Work> claim(ChainOperationKey key) {
    return tokenization.claim(key);
  }

  @Override
  public void send(ChainOperationKey key, Work work) {
    switch (work.kind()) {
      case MINT -> tokenization.recordMinted(key, tokenizer.mint(key, work.mint().orElseThrow()));
      case PUBLISH_VERSION -> {
        Publication p = work.publication().orElseThrow();
        tokenization.recordPublished(
            key,
            p.dataNft(),
            tokenizer.publishVersion(key, p.token(), p.metadataCid(), p.contentCid(), p.hash()));
      }
    }
  }

  @Override
  public void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded) {
    tokenization.recordPostponed(key, why, recorded);
  }

  @Override
  public void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded) {
    tokenization.recordFailed(key, reason, message, recorded);
  }
}
