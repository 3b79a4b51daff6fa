package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.application.VersionProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the processing of uploaded versions in the background, on the container's managed executor.
 * At start, after the schema migrations, it deletes half-received files and resubmits every version
 * processing had not finished: the processor resumes it from its upload, or fails it cleanly when
 * the upload is gone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublishingWorker {

  private static final Logger LOG = Logger.getLogger(PublishingWorker.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject VersionProcessor processor;
  @Inject PublishingService publishing;
  @Inject LocalUploadArea uploads;
  @Inject ResumableUploads resumableUploads;

  @PostConstruct
  void resumeUnfinished() {
    try {
      int partials = uploads.clearPartials();
      int expired = resumableUploads.expire();
      List<VersionRef> unfinished = publishing.inFlight();
      LOG.info(
          () ->
              "publishing: "
                  + unfinished.size()
                  + " unfinished versions resumed, "
                  + partials
                  + " half-received files and "
                  + expired
                  + " expired resumable uploads deleted");
      unfinished.forEach(this::submit);
    } catch (Exception e) {
      // the application must still start; the next start tries again
      LOG.log(Level.SEVERE, "publishing: could not resume unfinished versions", e);
    }
  }

  /** Processes the version in the background; the caller does not wait. */
  public void submit(VersionRef version) {
    executor.submit(
        () -> {
          try {
            processor.process(version);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "publishing: processing " + version + " stopped", e);
          }
        });
  }
}
