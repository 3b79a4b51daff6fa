package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;

/** Page-wide settings of the single-page application. */
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Datamint");
    settings.addMetaTag("description", "A marketplace for AI training data");
  }
}
