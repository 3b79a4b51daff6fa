package io.datamint.webapp.interfaces.web.labeler;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.application.CampaignValidationService.Standing;
import io.datamint.domain.application.RewardService;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelStatus;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.ScoredLabel;
import io.datamint.domain.model.reward.RewardPosition;
import io.datamint.webapp.interfaces.web.campaign.BarChart;
import io.datamint.webapp.interfaces.web.campaign.Bars;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.interfaces.web.layout.Polling;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What became of a labeler's work: per campaign the rewards (earned by accepted labels, settled on
 * chain in the latest root, claimed, claimable now) with a claim button, where they stand
 * (qualifying, qualified with their reliability, or blocked with the reason), and each label's fate
 * (pending, accepted or rejected, with its quality score). Claims are relayed by the platform (the
 * wallets are custodial), so the page follows a claim until the chain has paid it.
 */
@Route(value = "my-work", layout = MainLayout.class)
@PageTitle("My labels and rewards · Datamint")
@RolesAllowed(Roles.LABELER)
@CdiComponent
public class MyWorkView extends VerticalLayout {

  private static final int POLL_MILLIS = 2000;
  private static final int LABELS = 500;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Inject RewardService rewards;
  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  private final Div rewardCards = new Div();
  private final Div standings = new Div();
  private final Div fates = new Div();
  private final Grid<ScoredLabel> labels = new Grid<>(ScoredLabel.class, false);
  private final Polling polling = new Polling(POLL_MILLIS, this::refresh);
  private final Map<CampaignId, String> titles = new LinkedHashMap<>();
  private LabelerId labeler;

  @PostConstruct
  void compose() {
    setId("my-work");
    setMaxWidth("64rem");
    labeler = new LabelerId(currentAccount.get().subject());
    rewardCards.setId("rewards");
    rewardCards.setWidthFull();
    standings.setId("standings");
    fates.setWidthFull();
    configureLabels();
    add(
        new H2("My labels and rewards"),
        new H3("Rewards"),
        rewardCards,
        new H3("Where I stand"),
        standings,
        new H3("My labels"),
        fates,
        labels);
    refresh();
  }

  private void refresh() {
    List<RewardPosition> positions = rewards.rewardsOf(labeler);
    List<ScoredLabel> mine = validation.labelsOf(labeler, Optional.empty(), LABELS);
    positions.forEach(p -> titles.put(p.campaign(), p.title()));
    showRewards(positions);
    showStandings(mine, positions);
    showFates(mine);
    labels.setItems(mine);
    boolean claimUnderWay =
        positions.stream()
            .anyMatch(p -> p.pendingClaim().map(c -> c.status().isPending()).orElse(false));
    boolean awaitingValidation =
        mine.stream().anyMatch(l -> l.label().status() == LabelStatus.PENDING);
    UI ui = UI.getCurrent();
    if (ui != null) {
      polling.keep(ui, claimUnderWay || awaitingValidation || awaitsSettlement(positions));
    }
  }

  private static boolean awaitsSettlement(List<RewardPosition> positions) {
    return positions.stream().anyMatch(p -> p.earned().compareTo(p.settled()) > 0);
  }

  private void showRewards(List<RewardPosition> positions) {
    rewardCards.removeAll();
    if (positions.isEmpty()) {
      rewardCards.add(
          new Paragraph("No rewards yet: accepted labels earn them once validation has run."));
      return;
    }
    positions.forEach(p -> rewardCards.add(card(p)));
  }

  private Component card(RewardPosition p) {
    String id = p.campaign().value().toString();
    Div card = new Div();
    card.setId("reward-" + id);
    card.getElement().setAttribute("data-earned", p.earned().inTokens().toPlainString());
    card.getElement().setAttribute("data-settled", p.settled().inTokens().toPlainString());
    card.getElement().setAttribute("data-claimed", p.claimed().inTokens().toPlainString());
    card.getElement().setAttribute("data-claimable", p.claimable().inTokens().toPlainString());
    card.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Border.ALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Margin.Bottom.SMALL);
    Span title = new Span(p.title());
    title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    HorizontalLayout figures =
        new HorizontalLayout(
            figure("Earned", p.earned().inTokens().toPlainString()),
            figure(
                "Settled on chain",
                p.settled().inTokens().toPlainString()
                    + (p.settledEpoch() > 0 ? " (epoch " + p.settledEpoch() + ")" : "")),
            figure("Claimed", p.claimed().inTokens().toPlainString()),
            figure("Claimable now", p.claimable().inTokens().toPlainString()));
    figures.setSpacing(true);
    Button claim = new Button("Claim " + p.claimable().inTokens().toPlainString() + " DMUSD");
    claim.setId("claim-" + id);
    claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    claim.setEnabled(!p.claimable().isZero());
    claim.addClickListener(e -> claim(p.campaign()));
    Span status = new Span(claimStatus(p));
    status.setId("claim-status-" + id);
    status.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    HorizontalLayout actions = new HorizontalLayout(claim, status);
    actions.setAlignItems(FlexComponent.Alignment.CENTER);
    card.add(title, figures, actions);
    if (p.unpaidLabels() > 0) {
      card.add(
          new Paragraph(
              p.unpaidLabels()
                  + " accepted labels earned nothing: the campaign's budget was spent."));
    }
    return card;
  }

  private static Component figure(String name, String value) {
    Span label = new Span(name);
    label.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Span number = new Span(value);
    VerticalLayout box = new VerticalLayout(label, number);
    box.setPadding(false);
    box.setSpacing(false);
    return box;
  }

  /** Where the money is: on its way, paid (with the transactions), or waiting for a root. */
  static String claimStatus(RewardPosition p) {
    Optional<RewardPosition.PendingClaim> pending = p.pendingClaim();
    if (pending.isPresent() && pending.get().status().isPending()) {
      return "Claim on its way"
          + pending.get().transaction().map(t -> " in transaction " + t.value()).orElse("")
          + ".";
    }
    if (pending.isPresent()) {
      return "The last claim failed: " + pending.get().message().orElse("no reason recorded") + ".";
    }
    if (p.earned().compareTo(p.settled()) > 0) {
      return "Earned rewards are settled on chain at the next epoch, then claimable.";
    }
    if (!p.claimTransactions().isEmpty()) {
      return "Paid in transaction "
          + p.claimTransactions().get(p.claimTransactions().size() - 1).value()
          + ".";
    }
    return "";
  }

  private void claim(CampaignId campaign) {
    try {
      rewards.requestClaim(campaign, labeler);
      Notification.show("Claim sent: the platform relays it to the escrow and pays the gas.")
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (RewardService.NothingToClaimException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }
    refresh();
  }

  private void showStandings(List<ScoredLabel> mine, List<RewardPosition> positions) {
    standings.removeAll();
    Set<CampaignId> campaigns = new LinkedHashSet<>();
    mine.forEach(l -> campaigns.add(l.label().campaign()));
    positions.forEach(p -> campaigns.add(p.campaign()));
    if (campaigns.isEmpty()) {
      standings.add(new Paragraph("You have not labeled in any campaign yet."));
      return;
    }
    for (CampaignId id : campaigns) {
      Standing s;
      try {
        s = validation.standing(id, labeler);
      } catch (RuntimeException gone) {
        continue; // a campaign no longer published (closed campaigns stay visible)
      }
      titles.put(id, s.campaign().title());
      Paragraph line = new Paragraph(s.campaign().title() + ": " + describe(s));
      line.setId("standing-" + id.value());
      line.getElement().setAttribute("data-state", s.state().name());
      standings.add(line);
    }
  }

  static String describe(Standing s) {
    String reliability =
        s.reliability().isPresent()
            ? String.format(
                Locale.ENGLISH,
                "reliability %.0f %% over %d labels",
                100 * s.reliability().getAsDouble(),
                s.reliabilityLabels())
            : "no reliability estimated yet";
    return switch (s.state()) {
      case QUALIFYING ->
          "qualifying, "
              + s.qualificationAnswered()
              + " of "
              + s.qualificationItems()
              + " qualification items answered";
      case QUALIFIED -> "qualified, " + reliability;
      case BLOCKED -> "blocked: " + s.blockReason().orElse("no reason recorded");
    };
  }

  private void showFates(List<ScoredLabel> mine) {
    fates.removeAll();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (LabelStatus status : LabelStatus.values()) {
      counts.put(status.name(), 0L);
    }
    mine.stream()
        .filter(l -> !l.label().gold())
        .forEach(l -> counts.merge(l.label().status().name(), 1L, Long::sum));
    fates.add(
        new BarChart(
            "chart-my-label-status",
            "My paid labels: accepted, rejected, pending",
            Bars.of(counts),
            bar ->
                switch (bar.key()) {
                  case "ACCEPTED" -> BarChart.Tone.SUCCESS;
                  case "REJECTED" -> BarChart.Tone.ERROR;
                  default -> BarChart.Tone.NEUTRAL;
                }));
  }

  private void configureLabels() {
    labels.setId("my-labels");
    labels.setAllRowsVisible(true);
    labels
        .addColumn(l -> titles.getOrDefault(l.label().campaign(), "a campaign"))
        .setHeader("Campaign")
        .setAutoWidth(true);
    labels.addColumn(l -> l.label().item().value()).setHeader("Item").setAutoWidth(true);
    labels.addColumn(l -> String.join(", ", l.label().labels())).setHeader("My answer");
    labels
        .addColumn(l -> l.label().gold() ? "check (gold)" : fate(l.label().status()))
        .setHeader("Fate")
        .setAutoWidth(true);
    labels
        .addColumn(
            l ->
                l.quality().isPresent()
                    ? String.format(Locale.ENGLISH, "%.2f", l.quality().getAsDouble())
                    : "")
        .setHeader("Quality score");
    labels.addColumn(l -> WHEN.format(l.label().submittedAt())).setHeader("Given (UTC)");
  }

  private static String fate(LabelStatus status) {
    return switch (status) {
      case PENDING -> "pending validation";
      case ACCEPTED -> "accepted";
      case REJECTED -> "rejected";
    };
  }
}
