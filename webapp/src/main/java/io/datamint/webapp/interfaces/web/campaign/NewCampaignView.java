package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import io.datamint.domain.application.CampaignPlanning;
import io.datamint.domain.application.CampaignService;
import io.datamint.domain.application.DatasetPreviews;
import io.datamint.domain.application.PublishingService;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.webapp.interfaces.web.campaign.CampaignForm.PreviewItem;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a labeling campaign on an approved version of one's dataset: the terms, the gold answers,
 * the budget; "Create and fund" creates the campaign and queues its deposit in one go, then shows
 * the campaign's page, where the funding is followed until the campaign opens.
 */
@Route(value = "datasets/:datasetId/versions/:version/campaign", layout = MainLayout.class)
@PageTitle("New campaign · Datamint")
@RolesAllowed(Roles.CONTRIBUTOR)
@CdiComponent
public class NewCampaignView extends VerticalLayout implements BeforeEnterObserver {

  private static final Logger LOG = Logger.getLogger(NewCampaignView.class.getName());

  @Inject PublishingService publishing;
  @Inject DatasetPreviews previews;
  @Inject CampaignService campaigns;
  @Inject CampaignPlanning planning;
  @Inject CurrentAccount currentAccount;

  private ContributorId owner;
  private DatasetId datasetId;
  private int versionNumber;

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    setId("new-campaign");
    setMaxWidth("64rem");
    removeAll();
    Account account = currentAccount.get();
    owner = new ContributorId(account.subject());
    Dataset dataset;
    DatasetVersion version;
    try {
      datasetId = DatasetId.of(event.getRouteParameters().get("datasetId").orElse(""));
      versionNumber = Integer.parseInt(event.getRouteParameters().get("version").orElse(""));
      dataset = publishing.view(datasetId, owner, false);
      version = dataset.version(versionNumber);
    } catch (IllegalArgumentException | PublishingService.UnknownDatasetException e) {
      add(new H2("Dataset not found"), new Paragraph("There is no such version that you may see."));
      return;
    }
    add(new H2("New labeling campaign"));
    add(
        new Paragraph(
            "On \""
                + dataset.title()
                + "\", version "
                + versionNumber
                + ", which has "
                + version.manifest().map(m -> m.itemCount()).orElse(0L)
                + " items."));
    if (!dataset.isOwnedBy(owner)) {
      add(new Paragraph("Only the dataset's owner can run a campaign on it."));
      return;
    }
    long items = version.manifest().map(m -> m.itemCount()).orElse(0L);
    if (version.state() != VersionState.APPROVED || items == 0) {
      add(
          new Paragraph(
              "Campaigns run on approved versions with items; this one is "
                  + version.state()
                  + "."));
      return;
    }
    Optional<TokenAmount> balance = Optional.empty();
    String chainProblem = null;
    try {
      balance = Optional.of(planning.balance(account.wallet().address()));
    } catch (ChainUnavailableException e) {
      chainProblem = e.getMessage();
    }
    CampaignForm form =
        new CampaignForm(
            items, balance, account.wallet().address().value(), chainProblem, preview());
    form.addCreateListener(e -> create(form, e));
    add(form);
  }

  private void create(CampaignForm form, CampaignForm.CreateEvent event) {
    List<ItemId> goldItems = event.gold().items();
    Set<ItemId> missing = planning.missingItems(owner, datasetId, versionNumber, goldItems);
    if (!missing.isEmpty()) {
      GoldCsv.Parsed checked = event.gold().withMissing(missing);
      form.showGold(checked);
      form.showError("Fix the gold answers first: " + checked.problems().get(0));
      return;
    }
    CampaignTerms terms;
    Campaign campaign;
    try {
      terms = event.draft().terms(event.gold().gold());
      campaign = campaigns.create(owner, datasetId, versionNumber, terms);
    } catch (IllegalArgumentException | IllegalStateException e) {
      form.showError(e.getMessage());
      return;
    } catch (PublishingService.NotPermittedException e) {
      form.showError(e.getMessage());
      return;
    }
    try {
      campaigns.fund(campaign.id(), owner);
    } catch (RuntimeException e) {
      // created but not funded: the campaign's page offers funding again
      LOG.log(Level.WARNING, "campaign " + campaign.id() + ": funding refused", e);
      Notification.show(
              "The campaign was created but its funding was not queued: " + e.getMessage(),
              8_000,
              Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    getUI()
        .ifPresent(
            ui ->
                ui.navigate(
                    CampaignView.class,
                    new RouteParameters("campaignId", campaign.id().toString())));
  }

  /** Items of the version's public preview (records and images), to pick gold answers from. */
  private List<PreviewItem> preview() {
    List<PreviewItem> items = new ArrayList<>();
    Optional<byte[]> document;
    try {
      document = previews.preview(datasetId, versionNumber, owner, false);
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "no preview for the campaign form of " + datasetId, e);
      return items;
    }
    if (document.isEmpty()) {
      return items;
    }
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(document.get()))) {
      for (JsonValue value : reader.readObject().getJsonArray("items")) {
        if (value instanceof JsonObject o && o.get("_id") instanceof JsonString id) {
          StringBuilder text = new StringBuilder();
          o.forEach(
              (key, v) -> {
                if (!key.equals("_id") && !key.equals("thumbnail")) {
                  text.append(text.length() == 0 ? "" : " · ")
                      .append(v instanceof JsonString s ? s.getString() : v.toString());
                }
              });
          items.add(new PreviewItem(id.getString(), id.getString() + " — " + text));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "unreadable preview of " + datasetId, e);
    }
    return items;
  }

  /** The action on a dataset's page: opens this form for the version. */
  public static Button startButton(DatasetId dataset, int version) {
    Button start = new Button("Start labeling campaign", VaadinIcon.TAGS.create());
    start.setId("start-campaign");
    start.addClickListener(
        e ->
            start
                .getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            NewCampaignView.class,
                            new RouteParameters(
                                new RouteParam("datasetId", dataset.value().toString()),
                                new RouteParam("version", Integer.toString(version))))));
    return start;
  }
}
