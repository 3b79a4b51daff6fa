package io.datamint.webapp.interfaces.web.contributor;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.datamint.domain.application.PublishingService;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.interfaces.web.dataset.DatasetView;
import io.datamint.webapp.interfaces.web.dataset.StateBadge;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.interfaces.web.layout.Polling;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The contributor's home: their datasets with state and processing progress, newest first. While
 * any of them is being processed, the list polls so the progress moves.
 */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("My datasets · Datamint")
@RolesAllowed(Roles.CONTRIBUTOR)
@CdiComponent
public class MyDatasetsView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int POLL_MILLIS = 1_500;

  @Inject PublishingService publishing;
  @Inject CurrentAccount currentAccount;

  private final Grid<DatasetRow> grid = new Grid<>(DatasetRow.class, false);
  private final Paragraph empty = new Paragraph("You have not published a dataset yet.");
  private final Polling polling = new Polling(POLL_MILLIS, () -> refresh(UI.getCurrent()));

  @PostConstruct
  void compose() {
    setId("my-datasets");
    setSizeFull();
    Button publish = new Button("Publish a dataset", VaadinIcon.UPLOAD.create());
    publish.setId("publish-dataset-button");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.addClickListener(e -> UI.getCurrent().navigate(PublishDatasetView.class));
    HorizontalLayout heading = new HorizontalLayout(new H2("My datasets"), publish);
    heading.setAlignItems(Alignment.CENTER);
    empty.setId("no-datasets");
    add(heading, empty, configureGrid());
  }

  private Component configureGrid() {
    grid.setId("datasets");
    grid.addComponentColumn(MyDatasetsView::titleLink).setHeader("Title").setFlexGrow(2);
    grid.addComponentColumn(row -> StateBadge.of(row.state()))
        .setHeader("State")
        .setAutoWidth(true);
    grid.addColumn(DatasetRow::latestVersion).setHeader("Version").setAutoWidth(true);
    grid.addComponentColumn(MyDatasetsView::progress).setHeader("Processing").setFlexGrow(1);
    grid.addColumn(row -> WHEN.format(row.updatedAt())).setHeader("Updated").setAutoWidth(true);
    grid.setSizeFull();
    return grid;
  }

  private static Component titleLink(DatasetRow row) {
    RouterLink link =
        new RouterLink(row.title(), DatasetView.class, new RouteParameters("datasetId", row.id()));
    link.getElement().setAttribute("data-dataset-id", row.id());
    return link;
  }

  private static Component progress(DatasetRow row) {
    if (!row.processing()) {
      return new Span(StateBadge.label(row.versionState()));
    }
    ProgressBar bar = new ProgressBar(0, 100, row.progress());
    bar.setWidth("8rem");
    Span text = new Span(StateBadge.label(row.versionState()) + " " + row.progress() + " %");
    Div cell = new Div(bar, text);
    cell.getStyle().set("display", "flex").set("gap", "0.5rem").set("align-items", "center");
    return cell;
  }

  private void refresh(UI ui) {
    ContributorId me = new ContributorId(currentAccount.get().subject());
    List<DatasetRow> rows = publishing.ownedBy(me).stream().map(DatasetRow::of).toList();
    grid.setItems(rows);
    empty.setVisible(rows.isEmpty());
    grid.setVisible(!rows.isEmpty());
    polling.keep(ui, rows.stream().anyMatch(DatasetRow::processing));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    refresh(event.getUI());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    polling.stop(event.getUI());
    super.onDetach(event);
  }
}
