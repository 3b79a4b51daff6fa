package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.datamint.domain.application.CampaignReporting;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.interfaces.web.dataset.StateBadge;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.interfaces.web.layout.Polling;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The contributor's campaigns, newest first: state, progress of the labels, budget and deadline;
 * each opens its dashboard. Polls while any is funding or running.
 */
@Route(value = "campaigns", layout = MainLayout.class)
@PageTitle("My campaigns · Datamint")
@RolesAllowed(Roles.CONTRIBUTOR)
@CdiComponent
public class MyCampaignsView extends VerticalLayout {

  private static final int POLL_MILLIS = 3_000;

  @Inject CampaignReporting reporting;
  @Inject CurrentAccount currentAccount;

  private final Grid<CampaignRow> grid = new Grid<>(CampaignRow.class, false);
  private final Paragraph empty =
      new Paragraph(
          "You have no campaign yet. Start one from an approved version of one of your datasets.");
  private final Polling polling = new Polling(POLL_MILLIS, () -> refresh(UI.getCurrent()));

  @PostConstruct
  void compose() {
    setId("my-campaigns");
    setSizeFull();
    empty.setId("no-campaigns");
    add(new H2("My campaigns"), empty, configureGrid());
  }

  private Component configureGrid() {
    grid.setId("campaigns");
    grid.addComponentColumn(MyCampaignsView::titleLink).setHeader("Title").setFlexGrow(2);
    grid.addComponentColumn(row -> StateBadge.of(row.state()))
        .setHeader("State")
        .setAutoWidth(true);
    grid.addComponentColumn(MyCampaignsView::progress).setHeader("Labels").setFlexGrow(1);
    grid.addColumn(r -> r.completeItems() + " of " + r.regularItems())
        .setHeader("Items complete")
        .setAutoWidth(true);
    grid.addColumn(r -> r.budget() + " (" + r.reward() + " per label)")
        .setHeader("Budget")
        .setAutoWidth(true);
    grid.addColumn(r -> CampaignView.WHEN.format(r.deadline()))
        .setHeader("Deadline")
        .setAutoWidth(true);
    grid.setSizeFull();
    return grid;
  }

  private static Component titleLink(CampaignRow row) {
    RouterLink link =
        new RouterLink(
            row.title(), CampaignView.class, new RouteParameters("campaignId", row.id()));
    link.getElement().setAttribute("data-campaign-id", row.id());
    return link;
  }

  private static Component progress(CampaignRow row) {
    ProgressBar bar = new ProgressBar(0, 1, row.progress());
    bar.setWidth("8rem");
    Span text = new Span(row.labeled() + " of " + row.slots());
    Div cell = new Div(bar, text);
    cell.getStyle().set("display", "flex").set("gap", "0.5rem").set("align-items", "center");
    return cell;
  }

  private void refresh(UI ui) {
    ContributorId me = new ContributorId(currentAccount.get().subject());
    List<CampaignRow> rows = reporting.mine(me).stream().map(CampaignRow::of).toList();
    grid.setItems(rows);
    empty.setVisible(rows.isEmpty());
    grid.setVisible(!rows.isEmpty());
    polling.keep(ui, rows.stream().anyMatch(CampaignRow::running));
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
