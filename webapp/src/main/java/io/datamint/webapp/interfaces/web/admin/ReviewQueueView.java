package io.datamint.webapp.interfaces.web.admin;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.application.PublishingService;
import io.datamint.webapp.interfaces.rest.DatasetDocument;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Version;
import io.datamint.webapp.interfaces.web.dataset.DatasetView;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Versions awaiting review, oldest first, with what a reviewer looks at before opening one: format,
 * size and the personal-data flags. The decision is taken on the dataset page, next to the preview.
 */
@Route(value = "admin/review", layout = MainLayout.class)
@PageTitle("Review queue · Datamint")
@RolesAllowed(Roles.ADMIN)
@CdiComponent
public class ReviewQueueView extends VerticalLayout {

  @Inject PublishingService publishing;

  private final Grid<DatasetDocument> grid = new Grid<>();

  @PostConstruct
  void compose() {
    setId("review-queue");
    setSizeFull();
    List<DatasetDocument> queue =
        publishing.reviewQueue().stream().map(DatasetDocument::of).toList();
    Paragraph empty = new Paragraph("Nothing awaits review.");
    empty.setId("review-queue-empty");
    empty.setVisible(queue.isEmpty());
    add(
        new H2("Review queue (" + queue.size() + ")"),
        empty,
        configureFilter(queue),
        configureGrid());
    grid.setItems(queue);
    grid.setVisible(!queue.isEmpty());
  }

  private Component configureFilter(List<DatasetDocument> queue) {
    TextField filter = new TextField();
    filter.setId("review-queue-filter");
    filter.setPlaceholder("Filter by title or tag");
    filter.setClearButtonVisible(true);
    filter.setValueChangeMode(ValueChangeMode.LAZY);
    filter.setVisible(!queue.isEmpty());
    filter.addValueChangeListener(
        e -> {
          String wanted = e.getValue().strip().toLowerCase(Locale.ROOT);
          grid.setItems(queue.stream().filter(d -> matches(d, wanted)).toList());
        });
    return filter;
  }

  private static boolean matches(DatasetDocument d, String wanted) {
    return wanted.isEmpty()
        || d.title().toLowerCase(Locale.ROOT).contains(wanted)
        || d.tags().stream().anyMatch(t -> t.contains(wanted));
  }

  private Component configureGrid() {
    grid.setId("review-queue-grid");
    grid.addComponentColumn(ReviewQueueView::titleLink).setHeader("Dataset").setFlexGrow(2);
    grid.addColumn(d -> latest(d).number()).setHeader("Version").setAutoWidth(true);
    grid.addColumn(d -> latest(d).format()).setHeader("Format").setAutoWidth(true);
    grid.addColumn(d -> latest(d).items()).setHeader("Items").setAutoWidth(true);
    grid.addComponentColumn(ReviewQueueView::flags).setHeader("Personal data").setAutoWidth(true);
    grid.addColumn(DatasetDocument::license).setHeader("License").setAutoWidth(true);
    grid.addColumn(d -> latest(d).updatedAt()).setHeader("Waiting since").setAutoWidth(true);
    grid.setSizeFull();
    return grid;
  }

  private static Version latest(DatasetDocument d) {
    return d.versions().get(d.versions().size() - 1);
  }

  private static Component titleLink(DatasetDocument d) {
    return new RouterLink(d.title(), DatasetView.class, new RouteParameters("datasetId", d.id()));
  }

  private static Component flags(DatasetDocument d) {
    var flags = latest(d).flags();
    if (flags == null || flags.isEmpty()) {
      return new Span("none found");
    }
    long total = flags.stream().mapToLong(DatasetDocument.Flag::occurrences).sum();
    Span warning = new Span(total + " in " + flags.size() + " kinds");
    warning.addClassNames(LumoUtility.TextColor.ERROR);
    return warning;
  }
}
