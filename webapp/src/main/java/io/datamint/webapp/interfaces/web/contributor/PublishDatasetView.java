package io.datamint.webapp.interfaces.web.contributor;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
import io.datamint.webapp.interfaces.web.dataset.DatasetFileUpload;
import io.datamint.webapp.interfaces.web.dataset.DatasetView;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Publishing a dataset: describe it, pick the file (streamed to the server with progress), and
 * publish. Processing then runs in the background; the dataset page shows how far it got.
 */
@Route(value = "publish", layout = MainLayout.class)
@PageTitle("Publish a dataset · Datamint")
@RolesAllowed(Roles.CONTRIBUTOR)
@CdiComponent
public class PublishDatasetView extends VerticalLayout {

  @Inject UploadIntake intake;
  @Inject CurrentAccount currentAccount;

  private final ListingDraft draft = new ListingDraft();
  private final Binder<ListingDraft> binder = new Binder<>(ListingDraft.class);
  private final Button publish = new Button("Publish");
  private DatasetFileUpload upload;

  @PostConstruct
  void compose() {
    setId("publish-dataset");
    setMaxWidth("48rem");
    upload = new DatasetFileUpload(intake);
    upload.onChange(file -> updatePublishButton());
    add(
        new H2("Publish a dataset"),
        new Paragraph(
            "CSV or TSV, JSON Lines, a JSON array, an image (PNG, JPEG, WebP) or a ZIP of images"
                + " or text files. The file is inspected, encrypted and stored on IPFS, then an"
                + " admin reviews it before it is listed."),
        configureForm(),
        upload,
        configurePublishButton());
    binder.setBean(draft);
    binder.addStatusChangeListener(e -> updatePublishButton());
    updatePublishButton();
  }

  private Component configureForm() {
    TextField title = new TextField("Title");
    title.setId("dataset-title-field");
    title.setRequiredIndicatorVisible(true);
    title.setMaxLength(Dataset.MAX_TITLE);
    TextArea description = new TextArea("Description");
    description.setId("dataset-description-field");
    description.setMaxLength(Dataset.MAX_DESCRIPTION);
    ComboBox<String> license = new ComboBox<>("License (SPDX id)");
    license.setId("dataset-license-field");
    license.setItems(SpdxLicense.offered());
    license.setAllowCustomValue(true);
    license.addCustomValueSetListener(e -> license.setValue(e.getDetail()));
    license.setHelperText("Or LicenseRef-<name> for your own terms.");
    TextField tags = new TextField("Tags");
    tags.setId("dataset-tags-field");
    tags.setHelperText("Comma-separated, e.g. nlp, sentiment");

    binder
        .forField(title)
        .asRequired("A dataset needs a title.")
        .bind(ListingDraft::getTitle, ListingDraft::setTitle);
    binder.forField(description).bind(ListingDraft::getDescription, ListingDraft::setDescription);
    binder
        .forField(license)
        .asRequired("Choose a license.")
        .withValidator((value, context) -> validWith(() -> SpdxLicense.of(value)))
        .bind(ListingDraft::getLicense, ListingDraft::setLicense);
    binder
        .forField(tags)
        .withValidator((value, context) -> validWith(() -> ListingDraft.parseTags(value)))
        .bind(ListingDraft::getTags, ListingDraft::setTags);

    FormLayout form = new FormLayout(title, license, description, tags);
    form.setColspan(description, 2);
    return form;
  }

  private static ValidationResult validWith(Runnable check) {
    try {
      check.run();
      return ValidationResult.ok();
    } catch (IllegalArgumentException e) {
      return ValidationResult.error(e.getMessage());
    }
  }

  private Component configurePublishButton() {
    publish.setId("publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.addClickListener(e -> publish());
    return publish;
  }

  private void updatePublishButton() {
    publish.setEnabled(upload.received().isPresent() && binder.isValid());
  }

  private void publish() {
    Optional<ReceivedFile> file = upload.received();
    if (file.isEmpty() || !binder.validate().isOk()) {
      return;
    }
    Listing listing;
    try {
      listing = draft.toListing();
    } catch (IllegalArgumentException e) {
      Notification.show(e.getMessage(), 5_000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return;
    }
    ContributorId owner = new ContributorId(currentAccount.get().subject());
    VersionRef ref;
    try {
      ref = intake.publishDataset(owner, listing, file.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException refused) {
      Notification.show(refused.getMessage(), 5_000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return;
    } finally {
      // published or refused, the file has left the upload area
      upload.handedOver();
    }
    UI.getCurrent()
        .navigate(DatasetView.class, new RouteParameters("datasetId", ref.dataset().toString()));
  }
}
