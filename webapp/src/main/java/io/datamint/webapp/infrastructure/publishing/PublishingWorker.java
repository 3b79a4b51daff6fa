package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.application.VersionProcessor;
import io.datamint.domain.model.dataset.Dataset;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the processing of uploaded versions in the background, on the container's managed executor.
 *
 * <p>Several web instances may run beside each other on one database and one shared upload area, so
 * a version is processed only under a lease ({@link ProcessingLeases}) that this instance renews
 * while it works: an instance never processes a version another one holds. At start, after the
 * schema migrations, and then every minute, it looks for versions whose processing has not finished
 * and nobody holds (their instance died): the processor resumes such a version from its upload, or
 * fails it cleanly when the upload is gone. The instance's name (the host name unless {@code
 * datamint.instance} says otherwise) stays the same across restarts, so a restarted instance takes
 * its own versions back at once instead of waiting for its old leases to expire.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublishingWorker {

  private static final Logger LOG = Logger.getLogger(PublishingWorker.class.getName());
  static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration RENEW_EVERY = Duration.ofSeconds(20);
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(60);

  /**
   * A version registered so recently may still be waiting for its file to be moved into the upload
   * area by the instance that received it: the sweep leaves it to that instance.
   */
  private static final Duration HANDOVER_GRACE = Duration.ofMinutes(5);

  /** Half-received files older than this belong to no upload still running on any instance. */
  private static final Duration PARTIAL_AGE = Duration.ofHours(1);

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject VersionProcessor processor;
  @Inject PublishingService publishing;
  @Inject LocalUploadArea uploads;
  @Inject ResumableUploads resumableUploads;
  @Inject ProcessingLeases leases;

  @Inject
  @ConfigProperty(name = "datamint.instance", defaultValue = " ")
  String configuredInstance;

  private String instance;
  private final Set<UUID> processing = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> renewals;
  private ScheduledFuture<?> sweeps;

  @PostConstruct
  void start() {
    instance = configuredInstance.isBlank() ? hostName() : configuredInstance.strip();
    try {
      int partials = uploads.clearPartials(PARTIAL_AGE);
      int expired = resumableUploads.expire();
      LOG.info(
          () ->
              "publishing: instance "
                  + instance
                  + "; "
                  + partials
                  + " old half-received files and "
                  + expired
                  + " expired resumable uploads deleted");
      int resumed = resumeUnclaimed(Instant.MAX);
      LOG.info(() -> "publishing: " + resumed + " unfinished versions resumed");
    } catch (RuntimeException | java.io.IOException e) {
      // the application must still start; the sweep tries again
      LOG.log(Level.SEVERE, "publishing: could not resume unfinished versions", e);
    }
    renewals =
        scheduler.scheduleWithFixedDelay(
            this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    sweeps =
        scheduler.scheduleWithFixedDelay(
            this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {renewals, sweeps}) {
      if (task != null) {
        task.cancel(false);
      }
    }
  }

  /**
   * Processes the version in the background if this instance gets its lease; the caller does not
   * wait. A version another instance holds is left to it.
   */
  public void submit(VersionRef version) {
    if (processing.contains(version.versionId())) {
      return;
    }
    if (!leases.claim(version.versionId(), instance, LEASE)) {
      LOG.info(() -> "publishing: " + version + " is processed by another instance");
      return;
    }
    processing.add(version.versionId());
    executor.submit(
        () -> {
          try {
            processor.process(version);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "publishing: processing " + version + " stopped", e);
          } finally {
            processing.remove(version.versionId());
            leases.release(version.versionId(), instance);
          }
        });
  }

  /**
   * Submits the unfinished versions nobody processes; a version registered after {@code
   * registeredBefore} whose file is not in the upload area yet is skipped (still being handed
   * over).
   */
  private int resumeUnclaimed(Instant registeredBefore) {
    int submitted = 0;
    for (VersionRef ref : publishing.inFlight()) {
      if (processing.contains(ref.versionId())) {
        continue;
      }
      if (uploads.completed(ref.versionId()).isEmpty() && registeredAfter(ref, registeredBefore)) {
        continue;
      }
      submit(ref);
      submitted++;
    }
    return submitted;
  }

  private boolean registeredAfter(VersionRef ref, Instant moment) {
    Optional<Dataset> dataset = publishing.find(ref.dataset());
    return dataset.isPresent() && dataset.get().version(ref.version()).createdAt().isAfter(moment);
  }

  void sweep() {
    try {
      resumeUnclaimed(Instant.now().minus(HANDOVER_GRACE));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "publishing: looking for abandoned versions failed", e);
    }
  }

  void renew() {
    try {
      leases.renew(Set.copyOf(processing), instance, LEASE);
    } catch (RuntimeException e) {
      // the next renewal comes well before the lease expires
      LOG.log(Level.WARNING, "publishing: renewing processing leases failed", e);
    }
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
