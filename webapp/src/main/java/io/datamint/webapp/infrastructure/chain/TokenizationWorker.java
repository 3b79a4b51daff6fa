package io.datamint.webapp.infrastructure.chain;

import io.datamint.domain.application.TokenizationProcessor;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.chain.ChainUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the chain side of publishing in the background, one round every {@code
 * datamint.chain.worker-interval-ms} on the container's managed scheduler, each round:
 *
 * <ol>
 *   <li>connects to the chain if not connected yet; the first connection re-broadcasts transactions
 *       a previous run recorded but maybe never sent;
 *   <li>queues approved versions that have no token operation yet (the outbox's safety net);
 *   <li>attempts due token operations (mint, publish version), which back off while the chain is
 *       unavailable;
 *   <li>reads newly confirmed DataNFT events, which confirm the operations, and handles
 *       reorganisations.
 * </ol>
 *
 * The chain being down at start-up or later only delays the rounds' chain work; the application
 * starts and approvals are accepted regardless. Rounds never overlap (fixed delay).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenizationWorker {

  private static final Logger LOG = Logger.getLogger(TokenizationWorker.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ChainConnection chain;
  @Inject TokenizationService tokenization;
  @Inject TokenizationProcessor processor;

  @Inject
  @ConfigProperty(name = "datamint.chain.worker-interval-ms", defaultValue = "2000")
  long intervalMs;

  private ScheduledFuture<?> rounds;
  private volatile String lastProblem;

  @PostConstruct
  void start() {
    rounds =
        scheduler.scheduleWithFixedDelay(
            this::round, Math.min(intervalMs, 1000), intervalMs, TimeUnit.MILLISECONDS);
    LOG.info(() -> "tokenization: worker started, a round every " + intervalMs + " ms");
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  /** One round; a failure of one step is logged and does not stop the others or later rounds. */
  void round() {
    boolean connected = false;
    try {
      chain.connect();
      connected = true;
    } catch (ChainUnavailableException e) {
      // operations still get attempted below, so that each records why it waits
      problem("chain: not connected: " + e.getMessage(), null);
    } catch (RuntimeException e) {
      problem("chain: connecting failed", e);
    }
    try {
      tokenization.enqueueApproved(100);
      processor.processDue(BATCH);
    } catch (RuntimeException e) {
      problem("tokenization: a round failed", e);
    }
    if (connected) {
      try {
        chain.connect().indexer().poll();
        problem(null, null);
      } catch (ChainUnavailableException e) {
        problem("chain: " + e.getMessage(), null);
      } catch (RuntimeException e) {
        problem("chain: reading events failed", e);
      }
    }
  }

  /** Logs a problem once, not every round, and its end. */
  private void problem(String message, Throwable cause) {
    if (Objects.equals(message, lastProblem)) {
      return;
    }
    if (message == null) {
      LOG.info("chain: connected and in step again");
    } else {
      LOG.log(Level.WARNING, message, cause);
    }
    lastProblem = message;
  }
}
