package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.webapp.infrastructure.publishing.LocalUploadArea;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks one dataset file and streams it straight into the upload area: the browser shows the
 * transfer's progress, the server never holds the file in memory. The received file waits here
 * until the form publishes it; if the person leaves or picks another file, it is deleted.
 */
public class DatasetFileUpload extends Composite<Div> {

  private static final Logger LOG = Logger.getLogger(DatasetFileUpload.class.getName());

  private final UploadIntake intake;
  private final Upload upload;
  private final Span message = new Span();
  private Consumer<Optional<ReceivedFile>> listener = file -> {};

  /** Touched by the upload request's thread and the UI's, hence volatile. */
  private volatile ReceivedFile received;

  public DatasetFileUpload(UploadIntake intake) {
    this.intake = intake;
    this.upload = new Upload(new Receiving());
    configureUpload();
    message.setId("upload-message");
    message.addClassNames(LumoUtility.FontSize.SMALL);
    getContent().add(upload, message);
    getContent().setWidthFull();
  }

  /** Told of the file once it is on disk, and of its removal. */
  public void onChange(Consumer<Optional<ReceivedFile>> listener) {
    this.listener = listener;
  }

  public Optional<ReceivedFile> received() {
    return Optional.ofNullable(received);
  }

  /**
   * The form published the file: it belongs to a version now and must not be deleted when this
   * component goes away.
   */
  public void handedOver() {
    received = null;
    upload.clearFileList();
  }

  private void configureUpload() {
    upload.setId("dataset-upload");
    upload.setMaxFiles(1);
    upload.setDropAllowed(true);
    // the client refuses an oversize file before sending a byte, when the limit fits its int
    if (intake.maxBytes() <= Integer.MAX_VALUE) {
      upload.setMaxFileSize((int) intake.maxBytes());
    }
    upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
    upload.addFileRemovedListener(e -> discard());
    upload.addStartedListener(e -> showInfo("Uploading " + e.getFileName() + " …"));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    long max = intake.maxBytes();
    showInfo("One file, up to " + VersionPanel.bytes(max) + ". Its extension names the format.");
  }

  @Override
  protected void onDetach(DetachEvent event) {
    discard();
    super.onDetach(event);
  }

  private void discard() {
    ReceivedFile file = received;
    received = null;
    if (file != null) {
      intake.abandon(file);
      listener.accept(Optional.empty());
    }
  }

  private void showInfo(String text) {
    message.setText(text);
    message.removeClassName(LumoUtility.TextColor.ERROR);
  }

  private void showError(String text) {
    message.setText(text);
    message.addClassName(LumoUtility.TextColor.ERROR);
  }

  /** Runs in the upload request, without the session lock: the UI is changed through access. */
  private final class Receiving implements UploadHandler {
    private static final long serialVersionUID = 1L;

    private volatile boolean refused;

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
      UI ui = event.getUI();
      refused = false;
      try {
        ReceivedFile file = intake.receive(event.getInputStream(), event.getFileName());
        ui.access(() -> replaceWith(file));
      } catch (LocalUploadArea.TooLargeException | IllegalArgumentException e) {
        refused = true;
        ui.access(() -> showError(e.getMessage()));
      } catch (IOException e) {
        // a broken connection: nothing was kept, the person can try again
        refused = true;
        LOG.log(Level.INFO, "upload of " + event.getFileName() + " broke off", e);
        ui.access(() -> showError("The upload broke off; please try again."));
      }
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
      // an error status makes the browser mark the file as failed instead of done
      UploadHandler.super.responseHandled(success && !refused, response);
    }
  }

  private void replaceWith(ReceivedFile file) {
    discard();
    received = file;
    showInfo(file.fileName() + " received (" + VersionPanel.bytes(file.bytes()) + ").");
    listener.accept(Optional.of(file));
  }
}
