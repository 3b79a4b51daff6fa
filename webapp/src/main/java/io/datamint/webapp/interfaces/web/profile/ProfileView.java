package io.datamint.webapp.interfaces.web.profile;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.CurrentAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Who the marketplace thinks you are, and the wallet it holds for you. */
@Route(value = "profile", layout = MainLayout.class)
@PageTitle("Profile · Datamint")
@PermitAll
@CdiComponent
public class ProfileView extends VerticalLayout {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

  @Inject CurrentAccount currentAccount;

  @PostConstruct
  void compose() {
    ProfileModel profile = ProfileModel.of(currentAccount.get());
    setMaxWidth("48rem");
    add(new H2("Profile"));
    add(readOnly("Name", profile.displayName(), "profile-name"));
    add(readOnly("Username", profile.username(), "profile-username"));
    add(readOnly("E-mail", profile.email() == null ? "" : profile.email(), "profile-email"));
    add(configureRoles(profile));
    TextField wallet = readOnly("Wallet address", profile.walletAddress(), "profile-wallet");
    wallet.setHelperText(
        "A custodial wallet the platform created for you; rewards and purchases use it.");
    add(wallet);
    add(readOnly("Member since", DAY.format(profile.memberSince()), "profile-since"));
  }

  private static TextField readOnly(String label, String value, String id) {
    TextField field = new TextField(label);
    field.setValue(value);
    field.setReadOnly(true);
    field.setWidthFull();
    field.setId(id);
    return field;
  }

  private static Component configureRoles(ProfileModel profile) {
    Span caption = new Span("Roles");
    caption.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    HorizontalLayout roles = new HorizontalLayout();
    roles.setId("profile-roles");
    for (String role : profile.roles()) {
      Span badge = new Span(role);
      badge.getElement().getThemeList().add("badge");
      roles.add(badge);
    }
    if (profile.roles().isEmpty()) {
      roles.add(new Span("No role yet: ask an administrator."));
    }
    VerticalLayout field = new VerticalLayout(caption, roles);
    field.setPadding(false);
    field.setSpacing(false);
    return field;
  }
}
