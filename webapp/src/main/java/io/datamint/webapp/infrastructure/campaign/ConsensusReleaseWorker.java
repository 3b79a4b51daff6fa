package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.application.ConsensusReleaseService;
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
 * Releases the consensus of closed campaigns as new dataset versions, one round every {@code
 * datamint.campaign.consensus-release-seconds} (rounds never overlap). A campaign waits while
 * validation is still deciding or its dataset is busy with another version, and is tried again in
 * the next round.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsensusReleaseWorker {

  private static final Logger LOG = Logger.getLogger(ConsensusReleaseWorker.class.getName());
  private static final int BATCH = 10;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ConsensusReleaseService releases;

  @Inject
  @ConfigProperty(name = "datamint.campaign.consensus-release-seconds", defaultValue = "10")
  long intervalSeconds;

  private ScheduledFuture<?> rounds;
  private volatile String lastProblem;

  @PostConstruct
  void start() {
    rounds =
        scheduler.scheduleWithFixedDelay(
            this::round, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  void round() {
    try {
      releases.releaseDue(BATCH);
      lastProblem = null;
    } catch (RuntimeException e) {
      // logged once per distinct problem, not every round
      String problem = String.valueOf(e.getMessage());
      if (!problem.equals(lastProblem)) {
        lastProblem = problem;
        LOG.log(Level.WARNING, "consensus release: a round failed", e);
      }
    }
  }
}
