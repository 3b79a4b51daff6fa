package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes every navigation check the target view's {@code @RolesAllowed}/{@code @PermitAll}: a view
 * without such an annotation is closed to everybody, so a forgotten annotation fails safe.
 */
@ApplicationScoped
public class NavigationAccessSetup {

  void enable(@Observes ServiceInitEvent event) {
    NavigationAccessControl accessControl = new NavigationAccessControl();
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
  }
}
