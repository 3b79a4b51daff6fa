package io.datamint.webapp.interfaces.web.catalog;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The buyers' home: listed datasets. Listing arrives with issues #3 and #4. */
@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("Catalog · Datamint")
@RolesAllowed({Roles.BUYER, Roles.CONTRIBUTOR, Roles.LABELER, Roles.ADMIN})
@CdiComponent
public class CatalogView extends VerticalLayout {

  public CatalogView() {
    setId("catalog");
    add(new H2("Catalog"));
    add(new Paragraph("No dataset has been listed yet."));
  }
}
