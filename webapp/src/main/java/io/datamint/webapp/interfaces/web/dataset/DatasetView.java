package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.application.ContentDownloads;
import io.datamint.domain.application.DatasetPreviews;
import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.webapp.infrastructure.config.StackEndpoints;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.interfaces.rest.DatasetDocument;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Version;
import io.datamint.webapp.interfaces.web.campaign.NewCampaignView;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.interfaces.web.layout.Polling;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A dataset's page. Everybody who may see the dataset reads its metadata and versions; the owner
 * also downloads the content and adds versions; an admin reviews the version awaiting review. While
 * a version is being processed, the page polls and shows the progress.
 */
@Route(value = "datasets/:datasetId", layout = MainLayout.class)
@PageTitle("Dataset · Datamint")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.BUYER, Roles.ADMIN})
@CdiComponent
public class DatasetView extends VerticalLayout implements BeforeEnterObserver {

  private static final Logger LOG = Logger.getLogger(DatasetView.class.getName());
  private static final int POLL_MILLIS = 1_500;

  @Inject PublishingService publishing;
  @Inject TokenizationService tokenization;
  @Inject DatasetPreviews previews;
  @Inject ContentDownloads downloads;
  @Inject UploadIntake intake;
  @Inject CurrentAccount currentAccount;
  @Inject StackEndpoints endpoints;

  private DatasetId id;
  private ContributorId viewer;
  private boolean admin;
  private boolean owner;
  private DatasetDocument shown;
  private Integer selectedVersion;
  private final Polling polling = new Polling(POLL_MILLIS, this::safeRefresh);

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    setId("dataset");
    setMaxWidth("72rem");
    Account account = currentAccount.get();
    viewer = new ContributorId(account.subject());
    admin = account.roles().contains(Role.ADMIN);
    try {
      id = DatasetId.of(event.getRouteParameters().get("datasetId").orElse(""));
      refresh();
    } catch (IllegalArgumentException | PublishingService.UnknownDatasetException e) {
      removeAll();
      add(new H2("Dataset not found"), new Paragraph("There is no dataset here that you may see."));
    }
  }

  private void refresh() {
    Dataset dataset = publishing.view(id, viewer, admin);
    owner = dataset.isOwnedBy(viewer);
    shown = DatasetDocument.of(dataset, tokenization.token(id, viewer, admin));
    removeAll();
    add(configureHeader(), configureActions());
    Version latest = latest();
    if (admin && latest.state().equals("PENDING_REVIEW")) {
      add(configureReview(latest.number()));
    }
    if (shown.token() != null) {
      add(new TokenPanel(shown.token()));
    }
    add(configureVersions());
    keepPolling(somethingUnderWay());
  }

  /** Processing or minting: the page polls until it is done. */
  private boolean somethingUnderWay() {
    return VersionPanel.isProcessing(latest().state())
        || shown.token() != null && TokenPanel.isPending(shown.token());
  }

  private Version latest() {
    List<Version> versions = shown.versions();
    return versions.get(versions.size() - 1);
  }

  private Component configureHeader() {
    H2 title = new H2(shown.title());
    title.setId("dataset-title");
    HorizontalLayout heading = new HorizontalLayout(title, StateBadge.of(shown.state()));
    heading.setAlignItems(Alignment.CENTER);
    heading.getElement().setAttribute("data-dataset-id", shown.id());

    Div facts = new Div();
    facts.addClassNames(
        LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.FlexWrap.WRAP);
    Span license = new Span("License " + shown.license());
    license.setId("dataset-license");
    facts.add(license);
    shown.tags().forEach(t -> facts.add(tag(t)));
    if (shown.unlistReason() != null) {
      facts.add(new Span("Unlisted: " + shown.unlistReason()));
    }
    Paragraph description = new Paragraph(shown.description());
    description.setId("dataset-description");
    VerticalLayout header = new VerticalLayout(heading, facts, description);
    header.setPadding(false);
    return header;
  }

  private static Component tag(String tag) {
    Span badge = new Span(tag);
    badge.getElement().getThemeList().add("badge contrast small");
    return badge;
  }

  private Component configureActions() {
    HorizontalLayout actions = new HorizontalLayout();
    Version latest = latest();
    if (owner && (latest.state().equals("APPROVED") || latest.state().equals("REJECTED"))) {
      Button newVersion = new Button("Upload a new version", VaadinIcon.UPLOAD.create());
      newVersion.setId("new-version");
      newVersion.addClickListener(e -> openNewVersionDialog());
      actions.add(newVersion);
    }
    if (owner) {
      // a campaign labels an approved version that has items
      shown.versions().stream()
          .filter(v -> v.state().equals("APPROVED") && v.items() != null && v.items() > 0)
          .reduce((a, b) -> b)
          .ifPresent(v -> actions.add(NewCampaignView.startButton(id, v.number())));
    }
    if (owner || admin) {
      shown.versions().stream()
          .filter(v -> v.contentCid() != null)
          .reduce((a, b) -> b)
          .ifPresent(v -> actions.add(downloadLink(v)));
    }
    return actions;
  }

  private Component downloadLink(Version version) {
    DatasetId dataset = id;
    ContributorId caller = viewer;
    boolean asAdmin = admin;
    int number = version.number();
    DownloadHandler handler =
        DownloadHandler.fromInputStream(
            event -> {
              ContentDownloads.Download d = downloads.open(dataset, number, caller, asAdmin);
              return new DownloadResponse(
                  d.content(), d.fileName(), "application/octet-stream", d.bytes());
            });
    Anchor link = new Anchor(handler, "Download version " + number + " (decrypted)");
    link.setId("download");
    return link;
  }

  private Component configureReview(int version) {
    ReviewPanel review = new ReviewPanel(version);
    String reviewer = currentAccount.get().username();
    review.addApproveListener(e -> decide(() -> publishing.approve(id, reviewer), "approved"));
    review.addRejectListener(
        e -> decide(() -> publishing.reject(id, reviewer, e.reason()), "rejected"));
    return review;
  }

  private void decide(Runnable decision, String outcome) {
    try {
      decision.run();
      Notification.show("Version " + outcome + ".", 3_000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (IllegalStateException e) {
      // someone else decided first: show what is true now
      Notification.show(e.getMessage(), 5_000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
    refresh();
  }

  private Component configureVersions() {
    TabSheet tabs = new TabSheet();
    tabs.setId("versions");
    tabs.setWidthFull();
    List<Version> newestFirst = new ArrayList<>(shown.versions());
    Collections.reverse(newestFirst);
    for (Version v : newestFirst) {
      var tab =
          tabs.add(
              "Version " + v.number(),
              new VersionPanel(
                  v,
                  () -> previews.preview(id, v.number(), viewer, admin),
                  endpoints.ipfsGateway()));
      if (selectedVersion != null && selectedVersion == v.number()) {
        tabs.setSelectedTab(tab);
      }
    }
    tabs.addSelectedChangeListener(
        e -> selectedVersion = newestFirst.get(tabs.getSelectedIndex()).number());
    return tabs;
  }

  private void openNewVersionDialog() {
    new NewVersionDialog(intake, file -> intake.publishVersion(viewer, id, file), this::refresh)
        .open();
  }

  private void keepPolling(boolean underWay) {
    UI ui = UI.getCurrent();
    if (ui != null) {
      polling.keep(ui, underWay);
    }
  }

  private void safeRefresh() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "dataset page " + id + ": refresh failed", e);
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (shown != null) {
      keepPolling(somethingUnderWay());
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    polling.stop(event.getUI());
    super.onDetach(event);
  }
}
