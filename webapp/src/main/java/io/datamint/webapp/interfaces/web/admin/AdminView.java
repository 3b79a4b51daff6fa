package io.datamint.webapp.interfaces.web.admin;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.datamint.domain.application.AccountService;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The admins' home: who uses the marketplace. Moderation queues arrive with later issues. */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Administration · Datamint")
@RolesAllowed(Roles.ADMIN)
@CdiComponent
public class AdminView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int SHOWN = 200;

  @Inject AccountService accounts;

  private final Grid<AccountRow> grid = new Grid<>(AccountRow.class, false);

  @PostConstruct
  void compose() {
    setId("administration");
    setSizeFull();
    add(new H2("Administration"), configureGrid());
    grid.setItems(accounts.recentAccounts(SHOWN).stream().map(AccountRow::of).toList());
  }

  private Grid<AccountRow> configureGrid() {
    grid.setId("accounts");
    grid.addColumn(AccountRow::username).setHeader("Username").setAutoWidth(true);
    grid.addColumn(AccountRow::displayName).setHeader("Name").setAutoWidth(true);
    grid.addColumn(AccountRow::roles).setHeader("Roles").setAutoWidth(true);
    grid.addColumn(AccountRow::wallet).setHeader("Wallet").setAutoWidth(true);
    grid.addColumn(row -> WHEN.format(row.lastSignIn())).setHeader("Last sign-in");
    grid.setSizeFull();
    return grid;
  }
}
