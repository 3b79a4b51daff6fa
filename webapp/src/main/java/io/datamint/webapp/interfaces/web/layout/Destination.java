package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.datamint.domain.model.account.Role;
import io.datamint.webapp.interfaces.web.admin.AdminView;
import io.datamint.webapp.interfaces.web.admin.ReviewQueueView;
import io.datamint.webapp.interfaces.web.campaign.MyCampaignsView;
import io.datamint.webapp.interfaces.web.catalog.CatalogView;
import io.datamint.webapp.interfaces.web.contributor.MyDatasetsView;
import io.datamint.webapp.interfaces.web.labeler.LabelingView;
import io.datamint.webapp.interfaces.web.labeler.MyWorkView;
import io.datamint.webapp.interfaces.web.profile.ProfileView;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where the navigation can take a person, and who may go there. The order is the order of the menu;
 * a role's home is the first destination meant for that role alone.
 */
public enum Destination {
  MY_DATASETS(
      "My datasets", VaadinIcon.DATABASE, MyDatasetsView.class, EnumSet.of(Role.CONTRIBUTOR)),
  MY_CAMPAIGNS(
      "My campaigns", VaadinIcon.CHART, MyCampaignsView.class, EnumSet.of(Role.CONTRIBUTOR)),
  LABELING("Labeling", VaadinIcon.TAGS, LabelingView.class, EnumSet.of(Role.LABELER)),
  MY_WORK("My labels and rewards", VaadinIcon.COINS, MyWorkView.class, EnumSet.of(Role.LABELER)),
  CATALOG("Catalog", VaadinIcon.SHOP, CatalogView.class, EnumSet.allOf(Role.class)),
  ADMINISTRATION("Administration", VaadinIcon.COG, AdminView.class, EnumSet.of(Role.ADMIN)),
  REVIEW_QUEUE(
      "Review queue", VaadinIcon.CHECK_SQUARE_O, ReviewQueueView.class, EnumSet.of(Role.ADMIN)),
  PROFILE("Profile", VaadinIcon.USER, ProfileView.class, Set.of());

  private final String label;
  private final VaadinIcon icon;
  private final Class<? extends Component> view;

  /** Who may go there; empty means anybody signed in, even without a role. */
  private final Set<Role> audience;

  Destination(String label, VaadinIcon icon, Class<? extends Component> view, Set<Role> audience) {
    this.label = label;
    this.icon = icon;
    this.view = view;
    this.audience = audience;
  }

  public String label() {
    return label;
  }

  public VaadinIcon icon() {
    return icon;
  }

  public Class<? extends Component> view() {
    return view;
  }

  public boolean openTo(Set<Role> roles) {
    return audience.isEmpty() || roles.stream().anyMatch(audience::contains);
  }

  /** The destinations a person with these roles sees in the menu. */
  public static List<Destination> visibleTo(Set<Role> roles) {
    return java.util.Arrays.stream(values()).filter(d -> d.openTo(roles)).toList();
  }

  /** Where a person lands after signing in: admins first, then contributors, labelers, buyers. */
  public static Destination homeFor(Set<Role> roles) {
    if (roles.contains(Role.ADMIN)) {
      return ADMINISTRATION;
    }
    if (roles.contains(Role.CONTRIBUTOR)) {
      return MY_DATASETS;
    }
    if (roles.contains(Role.LABELER)) {
      return LABELING;
    }
    if (roles.contains(Role.BUYER)) {
      return CATALOG;
    }
    return PROFILE;
  }
}
