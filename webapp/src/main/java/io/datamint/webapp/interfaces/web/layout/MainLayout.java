package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.model.account.Account;
import io.datamint.webapp.security.CurrentAccount;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The frame around every view: brand, navigation for the person's roles, who is signed in. */
@com.vaadin.cdi.annotation.CdiComponent
public class MainLayout extends AppLayout {

  @Inject CurrentAccount currentAccount;

  @PostConstruct
  void compose() {
    Account account = currentAccount.get();
    configureNavbar(account);
    configureDrawer(account);
    setPrimarySection(Section.DRAWER);
  }

  private void configureNavbar(Account account) {
    H1 brand = new H1("Datamint");
    brand.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);

    Avatar avatar = new Avatar(account.displayName());
    Span name = new Span(account.displayName());
    name.setId("signed-in-user");
    Anchor signOut = new Anchor("logout", "Sign out");
    signOut.setId("sign-out");
    // A full page load: the servlet must run, not the client-side router.
    signOut.setRouterIgnore(true);

    HorizontalLayout user = new HorizontalLayout(avatar, name, signOut);
    user.setAlignItems(FlexComponent.Alignment.CENTER);
    user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);

    addToNavbar(new DrawerToggle(), brand, user);
  }

  private void configureDrawer(Account account) {
    SideNav nav = new SideNav();
    nav.setId("main-nav");
    for (Destination destination : Destination.visibleTo(account.roles())) {
      nav.addItem(
          new SideNavItem(destination.label(), destination.view(), destination.icon().create()));
    }
    addToDrawer(nav);
  }
}
