package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ValidationRound;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the validation of campaign labels: every {@code datamint.campaign.validation-seconds}
 * (default 30; 0 turns it off) it first settles the rounds in flight whose job finished (applies
 * results, fails rounds whose job failed), then starts a round for every campaign that has one due.
 * Each round is its own transaction, so one campaign's trouble never holds up another's; a pass
 * never overlaps the previous one (fixed delay). Several application instances may run it: a round
 * start is serialised per campaign in the database and a round is settled under its row lock.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignValidationWorker {

  private static final Logger LOG = Logger.getLogger(CampaignValidationWorker.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject CampaignValidationService validation;

  /** Seconds between passes; 0 turns validation of campaign labels off. */
  @Inject
  @ConfigProperty(name = "datamint.campaign.validation-seconds", defaultValue = "30")
  long intervalSeconds;

  private ScheduledFuture<?> passes;

  @PostConstruct
  void start() {
    if (intervalSeconds <= 0) {
      LOG.info("campaign validation is off (datamint.campaign.validation-seconds=0)");
      return;
    }
    passes =
        scheduler.scheduleWithFixedDelay(
            this::pass, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    LOG.info(() -> "campaign validation: a pass every " + intervalSeconds + " s");
  }

  @PreDestroy
  void stop() {
    if (passes != null) {
      passes.cancel(false);
    }
  }

  /** One pass; a failing round is logged and left for the next pass, the others go on. */
  void pass() {
    try {
      for (ValidationRound round : validation.roundsInFlight(BATCH)) {
        try {
          validation.settle(round.campaign(), round.number());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "campaign validation: settling " + round + " failed", e);
        }
      }
      for (CampaignId campaign : validation.campaignsToValidate(BATCH)) {
        try {
          validation.startRound(campaign);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "campaign validation: a round of " + campaign + " did not start", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "campaign validation: a pass failed; the next one tries again", e);
    }
  }
}
