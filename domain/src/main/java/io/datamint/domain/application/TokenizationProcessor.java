package io.datamint.domain.application;

import io.datamint.domain.application.TokenizationService.Publication;
import io.datamint.domain.application.TokenizationService.Work;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.DatasetTokenizer;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the tokenization queue: claims a due operation, calls the chain outside any transaction
 * (a mint waits for its receipt), and records the outcome. Safe to run again at any point: the
 * chain port is idempotent under the operation's key, so an attempt after a crash finds the
 * transaction recorded by the one before instead of sending a second.
 *
 * <ul>
 *   <li>chain unavailable: the operation stays queued (or submitted, if its transaction was
 *       recorded) with the reason, and is tried again after a back-off;
 *   <li>chain refused (a revert, no funds for gas): failed with the decoded message, until an admin
 *       retries it;
 *   <li>anything unexpected: kept queued with the error, like an outage, so nothing is lost.
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TokenizationProcessor {

  private static final Logger LOG = Logger.getLogger(TokenizationProcessor.class.getName());

  private TokenizationService tokenization;
  private DatasetTokenizer tokenizer;
  private PendingTransactionStore transactions;

  protected TokenizationProcessor() {
    // for CDI proxies
  }

  @Inject
  public TokenizationProcessor(
      TokenizationService tokenization,
      DatasetTokenizer tokenizer,
      PendingTransactionStore transactions) {
    this.tokenization = tokenization;
    this.tokenizer = tokenizer;
    this.transactions = transactions;
  }

  /**
   * Attempts every due operation, at most {@code limit}.
   *
   * @return how many were attempted
   */
  public int processDue(int limit) {
    List<ChainOperationKey> due = tokenization.due(limit);
    int attempted = 0;
    for (ChainOperationKey key : due) {
      if (process(key)) {
        attempted++;
      }
    }
    return attempted;
  }

  /**
   * One attempt at one operation.
   *
   * @return false when there was nothing to do (not due, taken by another worker, or waiting)
   */
  public boolean process(ChainOperationKey key) {
    Optional<Work> claimed;
    try {
      claimed = tokenization.claim(key);
    } catch (RuntimeException e) {
      // most likely another worker claimed it at the same moment (optimistic lock)
      LOG.log(Level.FINE, "tokenization: could not claim " + key, e);
      return false;
    }
    if (claimed.isEmpty()) {
      return false;
    }
    Work work = claimed.get();
    try {
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
    } catch (ChainUnavailableException e) {
      tokenization.recordPostponed(
          key, "the chain is unavailable: " + e.getMessage(), recorded(key, false));
    } catch (ChainRejectedException e) {
      tokenization.recordFailed(key, e.reason(), e.getMessage(), recorded(key, true));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tokenization: " + key + " stopped unexpectedly", e);
      tokenization.recordPostponed(key, "unexpected error: " + e, recorded(key, false));
    }
    return true;
  }

  /**
   * The transaction the chain port recorded under the key: a pending one while the outcome is open,
   * or (for a failure) the reverted one, whose hash tells what happened. A transaction the node
   * refused was never mined and is not worth showing.
   */
  private Optional<TxHash> recorded(ChainOperationKey key, boolean includeReverted) {
    try {
      return transactions
          .find(key)
          .filter(
              t ->
                  t.status() == PendingTransaction.Status.SENT
                      || t.status() == PendingTransaction.Status.CONFIRMED
                      || (includeReverted && t.status() == PendingTransaction.Status.FAILED))
          .map(PendingTransaction::hash);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
