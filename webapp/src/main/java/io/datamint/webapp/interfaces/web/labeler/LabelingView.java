package io.datamint.webapp.interfaces.web.labeler;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The labeler's home: campaigns open to them. Campaigns arrive with issue #6. */
@Route(value = "labeling", layout = MainLayout.class)
@PageTitle("Labeling · Datamint")
@RolesAllowed(Roles.LABELER)
@CdiComponent
public class LabelingView extends VerticalLayout {

  public LabelingView() {
    setId("labeling");
    add(new H2("Labeling"));
    add(new Paragraph("No labeling campaign is open for you right now."));
  }
}
