package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.datamint.domain.application.PublishingService;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Uploads a file as the next version of a dataset; the history keeps every earlier version. */
class NewVersionDialog extends Dialog {

  /** Publishes the received file as the new version. */
  @FunctionalInterface
  interface Publication {
    void publish(ReceivedFile file) throws IOException;
  }

  NewVersionDialog(UploadIntake intake, Publication publication, Runnable published) {
    setHeaderTitle("Upload a new version");
    setId("new-version-dialog");
    setWidth("36rem");
    DatasetFileUpload upload = new DatasetFileUpload(intake);
    Button publish = new Button("Publish version");
    publish.setId("publish-version");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setEnabled(false);
    upload.onChange(file -> publish.setEnabled(file.isPresent()));
    publish.addClickListener(
        e -> {
          ReceivedFile file = upload.received().orElseThrow();
          try {
            publication.publish(file);
            close();
            published.run();
          } catch (IOException failed) {
            throw new UncheckedIOException(failed);
          } catch (IllegalStateException
              | IllegalArgumentException
              | PublishingService.NotPermittedException refused) {
            Notification.show(refused.getMessage(), 5_000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          } finally {
            // published or refused, the received file is gone from the upload area
            upload.handedOver();
            publish.setEnabled(false);
          }
        });
    Button cancel = new Button("Cancel", e -> close());
    add(
        new Paragraph(
            "The new version is inspected, encrypted and stored like the first, then reviewed."),
        upload);
    getFooter().add(cancel, publish);
  }
}
