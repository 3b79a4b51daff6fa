package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.model.dataset.PinLedger;
import io.datamint.ipfs.PinReconciler;
import io.datamint.ipfs.kubo.KuboClient;
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
 * Keeps Kubo's pins equal to the pin ledger: shortly after start-up (a crash may have left a pin
 * without its record, or a record without its pin) and then at a fixed interval. The application
 * owns the Kubo node it talks to, so a pin no record explains is an orphan and is removed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PinReconciliation {

  private static final Logger LOG = Logger.getLogger(PinReconciliation.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject KuboClient kubo;
  @Inject PinLedger ledger;

  /** Seconds between runs; 0 turns the reconciliation off (e.g. a node shared with others). */
  @Inject
  @ConfigProperty(name = "datamint.ipfs.reconcile-seconds", defaultValue = "3600")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "datamint.ipfs.reconcile-first-delay-seconds", defaultValue = "30")
  long firstDelaySeconds;

  private ScheduledFuture<?> schedule;

  @PostConstruct
  void start() {
    if (intervalSeconds <= 0) {
      LOG.info("pin reconciliation is off (datamint.ipfs.reconcile-seconds=0)");
      return;
    }
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::runOnce, firstDelaySeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  /** One reconciliation; never throws, so the schedule keeps going when Kubo is down. */
  void runOnce() {
    try {
      PinReconciler.Result result = new PinReconciler(kubo, ledger).reconcile();
      LOG.info(
          () ->
              "pins reconciled: "
                  + result.orphansUnpinned().size()
                  + " orphans removed, "
                  + result.repinned().size()
                  + " pinned again, "
                  + result.failed().size()
                  + " could not be pinned");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pin reconciliation failed; the next run tries again", e);
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
