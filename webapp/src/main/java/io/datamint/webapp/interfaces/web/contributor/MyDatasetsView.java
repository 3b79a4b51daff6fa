package io.datamint.webapp.interfaces.web.contributor;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The contributor's home: their datasets. Publishing arrives with issue #3. */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("My datasets · Datamint")
@RolesAllowed(Roles.CONTRIBUTOR)
@CdiComponent
public class MyDatasetsView extends VerticalLayout {

  public MyDatasetsView() {
    setId("my-datasets");
    add(new H2("My datasets"));
    add(new Paragraph("You have not published a dataset yet."));
  }
}
