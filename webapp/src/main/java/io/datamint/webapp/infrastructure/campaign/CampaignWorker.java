package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.application.CampaignFundingProcessor;
import io.datamint.domain.application.CampaignService;
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
 * Runs the campaigns' background work, one round every {@code datamint.campaign.worker-interval-ms}
 * on the managed scheduler (rounds never overlap): closes campaigns whose deadline passed, then
 * attempts due escrow operations (deposits that open campaigns, refunds after the end), which back
 * off while the chain is unavailable. The chain connection is shared with the tokenization worker,
 * whose first connection re-broadcasts transactions a previous run recorded but maybe never sent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignWorker {

  private static final Logger LOG = Logger.getLogger(CampaignWorker.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CampaignService campaigns;
  @Inject CampaignFundingProcessor processor;

  @Inject
  @ConfigProperty(name = "datamint.campaign.worker-interval-ms", defaultValue = "2000")
  long intervalMs;

  private ScheduledFuture<?> rounds;
  private volatile String lastProblem;

  @PostConstruct
  void start() {
    rounds =
        scheduler.scheduleWithFixedDelay(
            this::round, Math.min(intervalMs, 1000), intervalMs, TimeUnit.MILLISECONDS);
    LOG.info(() -> "campaigns: worker started, a round every " + intervalMs + " ms");
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  /** One round; a failing step is logged once and does not stop the other or later rounds. */
  void round() {
    try {
      campaigns.closePastDeadline(100);
      processor.processDue(BATCH);
      problem(null, null);
    } catch (RuntimeException e) {
      problem("campaigns: a round failed", e);
    }
  }

  private void problem(String message, Throwable cause) {
    if (Objects.equals(message, lastProblem)) {
      return;
    }
    if (message != null) {
      LOG.log(Level.WARNING, message, cause);
    }
    lastProblem = message;
  }
}
