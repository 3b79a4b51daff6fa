package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.datamint.webapp.security.CurrentAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/** The root address: sends each person to the home of their role. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
@CdiComponent
public class HomeView extends Div implements BeforeEnterObserver {

  @Inject CurrentAccount currentAccount;

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.forwardTo(Destination.homeFor(currentAccount.get().roles()).view());
  }
}
