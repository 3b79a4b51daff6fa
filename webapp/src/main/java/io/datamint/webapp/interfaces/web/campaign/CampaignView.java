package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.application.CampaignReporting;
import io.datamint.domain.application.CampaignReporting.CampaignReport;
import io.datamint.domain.application.CampaignService;
import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.PublishingService.NotPermittedException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignFigures;
import io.datamint.domain.model.campaign.CampaignFigures.LabelerTally;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignState;
import io.datamint.domain.model.campaign.EscrowOperationKind;
import io.datamint.domain.model.campaign.QueueCounts;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.interfaces.web.campaign.BarChart.Tone;
import io.datamint.webapp.interfaces.web.dataset.StateBadge;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.interfaces.web.layout.Polling;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A campaign's dashboard, for its owner and admins: state and deadline, the deposit on chain while
 * it is under way (with the reason when it waits or failed, and a retry), the progress of the work,
 * charts of labels per item, label distribution, agreement, the labels' fates, the budget and the
 * labelers; pause, resume and close with a confirmation. The page polls while the campaign is
 * funding or running, so numbers move without a reload.
 *
 * <p>The header and the actions are rebuilt only when the state changes, the figures on every poll:
 * a button the person is about to press is not swapped under the pointer.
 */
@Route(value = "campaigns/:campaignId", layout = MainLayout.class)
@PageTitle("Campaign · Datamint")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
@CdiComponent
public class CampaignView extends VerticalLayout implements BeforeEnterObserver {

  private static final Logger LOG = Logger.getLogger(CampaignView.class.getName());
  private static final int POLL_MILLIS = 2_000;
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  @Inject CampaignService campaigns;
  @Inject CampaignReporting reporting;
  @Inject CurrentAccount currentAccount;

  private final Div header = new Div();
  private final Div actions = new Div();
  private final Div funding = new Div();
  private final Div figures = new Div();
  private final Polling polling = new Polling(POLL_MILLIS, this::safeRefresh);

  private CampaignId id;
  private ContributorId viewer;
  private boolean admin;
  private CampaignState shownState;
  private CampaignReport report;

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    setId("campaign");
    setMaxWidth("72rem");
    Account account = currentAccount.get();
    viewer = new ContributorId(account.subject());
    admin = account.roles().contains(Role.ADMIN);
    removeAll();
    shownState = null;
    try {
      id = CampaignId.parse(event.getRouteParameters().get("campaignId").orElse(""));
      add(header, actions, funding, figures);
      figures.setWidthFull();
      refresh();
    } catch (IllegalArgumentException | UnknownCampaignException | NotPermittedException e) {
      removeAll();
      add(
          new H2("Campaign not found"),
          new Paragraph("There is no campaign here whose figures you may see."));
    }
  }

  private void refresh() {
    report = reporting.report(id, viewer, admin);
    Campaign campaign = report.campaign();
    if (campaign.state() != shownState) {
      shownState = campaign.state();
      header.removeAll();
      header.add(configureHeader(campaign));
      actions.removeAll();
      actions.add(configureActions(campaign));
    }
    funding.removeAll();
    funding.add(
        new FundingPanel(
            campaign,
            report.view().operation(EscrowOperationKind.OPEN),
            report.view().operation(EscrowOperationKind.REFUND),
            () -> act("Funding queued again.", () -> campaigns.retryFunding(id, viewer, admin))));
    figures.removeAll();
    figures.add(configureProgress(), configureCharts(), configureLabelers());
    keepPolling();
  }

  private boolean running() {
    return shownState == CampaignState.FUNDING
        || shownState == CampaignState.OPEN
        || shownState == CampaignState.PAUSED;
  }

  // --- header and actions ---

  private Component configureHeader(Campaign c) {
    H2 title = new H2(c.title());
    title.setId("campaign-name");
    Span badge = StateBadge.of(c.state().name());
    badge.setId("campaign-state");
    HorizontalLayout heading = new HorizontalLayout(title, badge);
    heading.setAlignItems(Alignment.CENTER);
    heading.getElement().setAttribute("data-campaign-id", c.id().toString());

    Div facts = new Div();
    facts.addClassNames(
        LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.FlexWrap.WRAP);
    Anchor dataset =
        new Anchor("datasets/" + c.dataset().value(), "Dataset, version " + c.versionNumber());
    facts.add(dataset);
    Span deadline = new Span("Deadline " + WHEN.format(c.deadline()));
    deadline.setId("campaign-deadline-fact");
    facts.add(deadline);
    facts.add(
        new Span(
            c.labelsPerItem()
                + " labels per item · "
                + (c.schema().mode().name().equals("SINGLE") ? "single label" : "several labels")
                + " · "
                + c.reward()
                + " tokens per accepted label · threshold "
                + c.qualityThreshold()));
    Span budget = new Span("Budget " + c.budget() + " tokens");
    budget.setId("campaign-budget-fact");
    facts.add(budget);
    c.closeReason()
        .ifPresent(
            r ->
                facts.add(
                    new Span(
                        "Closed "
                            + c.closedAt().map(WHEN::format).orElse("")
                            + " ("
                            + r.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ")")));
    VerticalLayout layout = new VerticalLayout(heading, facts);
    layout.setPadding(false);
    return layout;
  }

  private Component configureActions(Campaign c) {
    HorizontalLayout bar = new HorizontalLayout();
    bar.setId("campaign-actions");
    if (c.state() == CampaignState.DRAFT && c.isOwnedBy(viewer)) {
      // the deposit comes from the owner's wallet: only they fund
      Button fund =
          new Button("Fund", e -> act("Funding queued.", () -> campaigns.fund(id, viewer)));
      fund.setId("fund");
      fund.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      bar.add(fund);
    }
    if (c.state() == CampaignState.OPEN) {
      Button pause = new Button("Pause", e -> confirmPause());
      pause.setId("pause");
      bar.add(pause);
    }
    if (c.state() == CampaignState.PAUSED) {
      Button resume =
          new Button(
              "Resume", e -> act("Campaign resumed.", () -> campaigns.resume(id, viewer, admin)));
      resume.setId("resume");
      resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      bar.add(resume);
    }
    if (c.state() != CampaignState.CLOSED) {
      Button close = new Button("Close campaign", e -> confirmClose());
      close.setId("close");
      close.addThemeVariants(ButtonVariant.LUMO_ERROR);
      bar.add(close);
    }
    return bar;
  }

  private void confirmPause() {
    ConfirmDialog dialog =
        dialog(
            "Pause the campaign?",
            "Labelers get no new tasks until you resume; tasks already handed out may still be"
                + " labeled.",
            "Pause",
            "confirm-pause");
    dialog.addConfirmListener(
        e -> act("Campaign paused.", () -> campaigns.pause(id, viewer, admin)));
    dialog.open();
  }

  private void confirmClose() {
    ConfirmDialog dialog =
        dialog("Close the campaign for good?", closeConsequences(), "Close", "confirm-close");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(
        e -> act("Campaign closed.", () -> campaigns.close(id, viewer, admin, null)));
    dialog.open();
  }

  /** What closing does to the money, in the figures of the moment. */
  String closeConsequences() {
    Campaign c = report.campaign();
    CampaignFigures f = report.figures();
    if (c.state() == CampaignState.DRAFT) {
      return "Nothing was deposited, so nothing needs to be returned. Labelers never see it.";
    }
    TokenAmount spent = report.spent();
    TokenAmount pending = f.committed(c.reward());
    TokenAmount back = report.left();
    back = back.compareTo(pending) > 0 ? back.minus(pending) : TokenAmount.ZERO;
    return "Labelers get no new tasks and can no longer submit. Of the budget of "
        + c.budget()
        + " tokens, "
        + spent
        + " are earned by accepted labels and up to "
        + pending
        + " more by the "
        + f.pending()
        + " labels waiting for validation. The rest, at least "
        + back
        + " tokens, returns to your wallet from the escrow after the deadline ("
        + WHEN.format(c.deadline())
        + "), once the labels given are validated and settled.";
  }

  private static ConfirmDialog dialog(String title, String text, String confirm, String id) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader(title);
    Paragraph body = new Paragraph(text);
    body.setId(id.replace("confirm-", "") + "-consequences");
    dialog.setText(body);
    dialog.setCancelable(true);
    Button yes = new Button(confirm);
    yes.setId(id);
    dialog.setConfirmButton(yes);
    dialog.setCancelButton(new Button("Cancel"));
    return dialog;
  }

  private void act(String done, Supplier<?> action) {
    try {
      action.get();
      Notification.show(done, 3_000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (IllegalStateException | IllegalArgumentException | NotPermittedException e) {
      // e.g. the deadline passed or someone else acted first: show what is true now
      Notification.show(e.getMessage(), 6_000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
    safeRefresh();
  }

  // --- figures ---

  private Component configureProgress() {
    QueueCounts counts = report.view().counts();
    CampaignFigures f = report.figures();
    Div progress = new Div(new H3("Progress"));
    progress.setId("progress");
    progress.add(
        meter(
            "items-complete",
            "Items complete",
            f.completeItems(),
            f.regularItems(),
            counts.goldItems() > 0
                ? " (and " + counts.goldItems() + plural(counts.goldItems(), " gold item") + ")"
                : ""));
    progress.add(
        meter(
            "labels-given",
            "Labels",
            f.regularLabels(),
            counts.slots(),
            counts.leased() > 0 && report.campaign().state().acceptsLabels()
                ? " · " + counts.leased() + plural(counts.leased(), " task") + " being labeled now"
                : ""));
    return progress;
  }

  private static String plural(long count, String noun) {
    return count == 1 ? noun : noun + "s";
  }

  private static Div meter(String id, String what, long done, long of, String more) {
    Span text = new Span(what + ": " + done + " of " + of + more);
    ProgressBar bar = new ProgressBar(0, Math.max(1, of), Math.min(done, Math.max(1, of)));
    Div meter = new Div(text, bar);
    meter.setId(id);
    meter.getElement().setAttribute("data-done", Long.toString(done));
    meter.getElement().setAttribute("data-of", Long.toString(of));
    return meter;
  }

  private Component configureCharts() {
    Campaign c = report.campaign();
    CampaignFigures f = report.figures();
    int k = c.labelsPerItem();

    Span agreement =
        new Span(
            f.agreement().isPresent()
                ? String.format(
                    Locale.ENGLISH,
                    "Agreement: %.0f %% of %d complete items have %d identical labels",
                    100 * f.agreement().getAsDouble(),
                    f.completeItems(),
                    k)
                : "Agreement: no item is complete yet");
    agreement.setId("agreement");
    agreement
        .getElement()
        .setAttribute("data-agreeing", Long.toString(f.agreeingItems()))
        .setAttribute("data-complete", Long.toString(f.completeItems()));

    Map<String, Long> fates = new LinkedHashMap<>();
    fates.put("ACCEPTED", f.accepted());
    fates.put("REJECTED", f.rejected());
    fates.put("PENDING", f.pending());
    Bars fateBars =
        new Bars(
            Bars.of(fates).bars().stream()
                .map(b -> new Bars.Bar(b.key(), StateBadge.label(b.key()), b.count()))
                .toList());

    TokenAmount spent = report.spent();
    TokenAmount committed = f.committed(c.reward());
    TokenAmount left = report.left();
    TokenAmount free = left.compareTo(committed) > 0 ? left.minus(committed) : TokenAmount.ZERO;
    Span money =
        new Span(
            "Spent "
                + spent
                + " of "
                + c.budget()
                + " tokens (accepted labels × reward); "
                + left
                + " left, of which up to "
                + committed
                + " for labels awaiting validation.");
    money.setId("budget-summary");
    money
        .getElement()
        .setAttribute("data-spent", spent.toString())
        .setAttribute("data-left", left.toString());
    Map<String, Long> budgetTokens = new LinkedHashMap<>();
    // bars in whole labels' worth of reward, so that they compare without decimals
    budgetTokens.put("spent", f.accepted());
    budgetTokens.put("pending", f.pending());
    budgetTokens.put(
        "free", c.reward().isZero() ? 0 : free.units().divide(c.reward().units()).longValue());
    Bars budgetBars =
        new Bars(
            Bars.of(budgetTokens).bars().stream()
                .map(
                    b ->
                        new Bars.Bar(
                            b.key(),
                            switch (b.key()) {
                              case "spent" -> "Spent";
                              case "pending" -> "If pending accepted";
                              default -> "Not yet earned";
                            },
                            b.count()))
                .toList());

    Div grid = new Div();
    grid.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.LARGE);
    grid.getStyle().set("grid-template-columns", "repeat(auto-fit, minmax(28rem, 1fr))");
    grid.setWidthFull();
    grid.add(
        new BarChart(
            "chart-labels-per-item",
            "Labels per item",
            Bars.labelsPerItem(f.itemsByLabelCount(), k),
            b -> b.key().equals(Integer.toString(k)) ? Tone.SUCCESS : Tone.PRIMARY),
        new BarChart("chart-label-distribution", "Label distribution", Bars.of(f.labelCounts())),
        withNote(
            new BarChart(
                "chart-agreement",
                "Agreement of complete items",
                Bars.agreement(f.itemsByMajority(), k),
                b -> b.key().equals(Integer.toString(k)) ? Tone.SUCCESS : Tone.NEUTRAL),
            agreement),
        new BarChart(
            "chart-label-status",
            "Labels accepted, rejected, pending",
            fateBars,
            b ->
                switch (b.key()) {
                  case "ACCEPTED" -> Tone.SUCCESS;
                  case "REJECTED" -> Tone.ERROR;
                  default -> Tone.NEUTRAL;
                }),
        withNote(
            new BarChart(
                "chart-budget",
                "Budget (in labels' worth of reward)",
                budgetBars,
                b ->
                    switch (b.key()) {
                      case "spent" -> Tone.SUCCESS;
                      case "pending" -> Tone.PRIMARY;
                      default -> Tone.NEUTRAL;
                    }),
            money));
    Div charts = new Div(new H3("Labels"), grid);
    charts.setId("charts");
    charts.setWidthFull();
    return charts;
  }

  private static Div withNote(BarChart chart, Span note) {
    note.addClassNames(LumoUtility.FontSize.SMALL);
    return new Div(chart, note);
  }

  private Component configureLabelers() {
    CampaignFigures f = report.figures();
    Span count =
        new Span(
            f.labelers()
                + (f.labelers() == 1 ? " labeler" : " labelers")
                + (f.goldAnswers() > 0
                    ? " · gold answers " + f.goldCorrect() + " of " + f.goldAnswers() + " right"
                    : ""));
    count.setId("labeler-count");
    count.getElement().setAttribute("data-labelers", Long.toString(f.labelers()));
    Map<String, Long> top = new LinkedHashMap<>();
    for (LabelerTally t : f.topLabelers()) {
      top.merge(report.nameOf(t.labeler()), t.labels(), Long::sum);
    }
    Bars bars = Bars.of(top);
    Div labelers =
        new Div(
            new H3("Labelers"),
            count,
            new BarChart("chart-top-labelers", "Top labelers by labels", bars));
    labelers.setId("labelers");
    labelers.setWidthFull();
    return labelers;
  }

  // --- polling ---

  private void keepPolling() {
    UI ui = UI.getCurrent();
    if (ui != null) {
      polling.keep(ui, running());
    }
  }

  private void safeRefresh() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "campaign page " + id + ": refresh failed", e);
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (report != null) {
      keepPolling();
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    polling.stop(event.getUI());
    super.onDetach(event);
  }
}
