package io.datamint.webapp.infrastructure.chain;

import io.datamint.domain.application.CampaignFundingProcessor;
import io.datamint.domain.application.CampaignService;
import io.datamint.domain.application.RewardOperationsProcessor;
import io.datamint.domain.application.RewardService;
import io.datamint.domain.application.TokenizationProcessor;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one worker loop of the durable chain operations, one round every {@code
 * datamint.chain.worker-interval-ms} on the container's managed scheduler (rounds never overlap):
 *
 * <ol>
 *   <li>connects to the chain if not connected yet; the first connection re-broadcasts transactions
 *       a previous run recorded but maybe never sent;
 *   <li>business steps that queue operations: approved versions without a token operation (the
 *       outbox's safety net), campaigns past their deadline (closed, refund queued), accepted
 *       labels credited to the payout ledger, and every {@code
 *       datamint.campaign.settlement-seconds} a settlement epoch for each campaign whose
 *       entitlements changed;
 *   <li>every kind of chain operation through the one schedule: mints and versions, deposits and
 *       refunds, settlements and claims, each backing off while the chain is unavailable;
 *   <li>newly confirmed events of the DataNFT and of the reward escrow.
 * </ol>
 *
 * At start it makes every pending operation due at once: an attempt the previous run was in the
 * middle of (leased for minutes, e.g. a settlement waiting for its receipt when the process was
 * killed) resumes now instead of after the lease, and the chain adapter finds its transaction under
 * the key. Like the processing resumption, this assumes one instance per database (see
 * deploy/README: several instances are a known limit).
 *
 * <p>The chain being down at start-up or later only delays the chain work; the application starts,
 * approvals, funding requests and claims are accepted regardless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainWorker {

  private static final Logger LOG = Logger.getLogger(ChainWorker.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ChainConnection chain;
  @Inject TokenizationService tokenization;
  @Inject TokenizationProcessor tokenizationOperations;
  @Inject CampaignService campaigns;
  @Inject CampaignFundingProcessor campaignOperations;
  @Inject RewardService rewards;
  @Inject RewardOperationsProcessor rewardOperations;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "datamint.chain.worker-interval-ms", defaultValue = "2000")
  long intervalMs;

  /** How often settlement epochs are taken; 0 turns settlements off. */
  @Inject
  @ConfigProperty(name = "datamint.campaign.settlement-seconds", defaultValue = "3600")
  long settlementSeconds;

  private ScheduledFuture<?> rounds;
  private volatile String lastProblem;
  private Instant nextSettlement;

  @PostConstruct
  void start() {
    nextSettlement = Instant.now();
    rounds =
        scheduler.scheduleWithFixedDelay(
            this::firstThenRound, Math.min(intervalMs, 1000), intervalMs, TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "chain: worker started, a round every "
                + intervalMs
                + " ms, settlements "
                + (settlementSeconds > 0 ? "every " + settlementSeconds + " s" : "off"));
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  private volatile boolean resumed;

  private void firstThenRound() {
    if (!resumed) {
      try {
        resumeInterrupted();
        resumed = true;
      } catch (RuntimeException e) {
        problem("chain: resuming interrupted operations failed", e);
      }
    }
    round();
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
    step("tokenization", () -> tokenization.enqueueApproved(100));
    step("campaigns", () -> campaigns.closePastDeadline(100));
    // each campaign in its own transaction: one campaign's trouble never holds up the others
    eachCampaign("rewards: crediting", rewards::campaignsToCredit, rewards::credit);
    if (settlementSeconds > 0 && !Instant.now().isBefore(nextSettlement)) {
      nextSettlement = Instant.now().plus(Duration.ofSeconds(settlementSeconds));
      eachCampaign("rewards: settlement", rewards::campaignsToSettle, rewards::settle);
    }
    step("tokenization", () -> tokenizationOperations.processDue(BATCH));
    step("campaign escrow", () -> campaignOperations.processDue(BATCH));
    step("rewards", () -> rewardOperations.processDue(BATCH));
    if (connected) {
      try {
        chain.connect().indexer().poll();
        chain.connect().rewardIndexer().poll();
        problem(null, null);
      } catch (ChainUnavailableException e) {
        problem("chain: " + e.getMessage(), null);
      } catch (RuntimeException e) {
        problem("chain: reading events failed", e);
      }
    }
  }

  private void step(String name, Supplier<Integer> work) {
    try {
      work.get();
    } catch (RuntimeException e) {
      problem(name + ": a round failed", e);
    }
  }

  private void eachCampaign(
      String name, IntFunction<List<CampaignId>> find, Function<CampaignId, ?> work) {
    List<CampaignId> found;
    try {
      found = find.apply(100);
    } catch (RuntimeException e) {
      problem(name + ": a round failed", e);
      return;
    }
    for (CampaignId campaign : found) {
      try {
        work.apply(campaign);
      } catch (RuntimeException e) {
        problem(name + ": campaign " + campaign + " failed", e);
      }
    }
  }

  /** Makes the pending operations of every kind due now (see the class comment). */
  private void resumeInterrupted() {
    Timestamp now = Timestamp.from(Instant.now());
    int resumed = 0;
    try (Connection c = dataSource.getConnection()) {
      for (String table : new String[] {"token_operation", "campaign_operation"}) {
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE "
                    + table
                    + " SET next_attempt_at = ? WHERE status IN ('QUEUED', 'SUBMITTED')"
                    + " AND next_attempt_at > ?")) {
          update.setTimestamp(1, now);
          update.setTimestamp(2, now);
          resumed += update.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot resume interrupted chain operations", e);
    }
    if (resumed > 0) {
      int count = resumed;
      LOG.info(() -> "chain: " + count + " pending operations of the previous run are due again");
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
