package io.datamint.webapp.interfaces.web.labeler;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.application.CampaignService;
import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.application.CampaignValidationService.Standing;
import io.datamint.domain.application.LabelingService;
import io.datamint.domain.application.LabelingService.Task;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.webapp.interfaces.web.layout.MainLayout;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The labeling page, made for speed: pick an open campaign, then one item after another with the
 * keyboard — 1 to 9 choose a label (toggle in multi-label campaigns), Enter submits, S skips — with
 * the instructions at hand and what this session has done and earned so far, and where the labeler
 * stands in the campaign (qualifying n of Q, qualified with their reliability, or blocked with the
 * reason). The use cases decide who may label what (never the owner, never the same item twice,
 * leases that expire, the qualification round first, nothing once blocked).
 */
@Route(value = "labeling", layout = MainLayout.class)
@PageTitle("Labeling · Datamint")
@RolesAllowed(Roles.LABELER)
@CdiComponent
public class LabelingView extends VerticalLayout {

  private static final int SHORTCUT_LABELS = 9;
  private static final Key[] DIGITS = {
    Key.DIGIT_1,
    Key.DIGIT_2,
    Key.DIGIT_3,
    Key.DIGIT_4,
    Key.DIGIT_5,
    Key.DIGIT_6,
    Key.DIGIT_7,
    Key.DIGIT_8,
    Key.DIGIT_9
  };

  @Inject CampaignService campaigns;
  @Inject LabelingService labeling;
  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  private final Select<Campaign> campaignSelect = new Select<>();
  private final Div taskArea = new Div();
  private final Span sessionStats = new Span();
  private final Span standing = new Span();
  private final Set<String> chosen = new LinkedHashSet<>();
  private final List<Button> labelButtons = new ArrayList<>();

  private LabelerId labeler;
  private Task task;
  private int submitted;
  private BigDecimal earnedIfAccepted = BigDecimal.ZERO;

  @PostConstruct
  void compose() {
    setId("labeling");
    setMaxWidth("56rem");
    labeler = new LabelerId(currentAccount.get().subject());
    add(new H2("Labeling"), configureCampaignSelect(), standing, sessionStats, taskArea);
    sessionStats.setId("session-stats");
    standing.setId("standing");
    taskArea.setWidthFull();
    configureShortcuts();
    showStats();
  }

  private Component configureCampaignSelect() {
    List<Campaign> open = campaigns.open(100);
    campaignSelect.setId("campaign-select");
    campaignSelect.setLabel("Campaign");
    campaignSelect.setItems(open);
    campaignSelect.setItemLabelGenerator(
        c -> c.title() + " · " + c.reward() + " per accepted label");
    campaignSelect.setEmptySelectionAllowed(false);
    campaignSelect.setWidth("28rem");
    campaignSelect.addValueChangeListener(e -> nextTask());
    if (open.isEmpty()) {
      Paragraph none = new Paragraph("No labeling campaign is open right now.");
      none.setId("no-campaigns");
      taskArea.add(none);
    }
    return campaignSelect;
  }

  /** Shortcuts live on the view, so they work wherever the focus is on the page. */
  private void configureShortcuts() {
    for (int i = 0; i < SHORTCUT_LABELS; i++) {
      int index = i;
      Shortcuts.addShortcutListener(this, () -> toggle(index), DIGITS[i]);
    }
    Shortcuts.addShortcutListener(this, this::submit, Key.ENTER);
    Shortcuts.addShortcutListener(this, this::skip, Key.KEY_S);
  }

  private void nextTask() {
    taskArea.removeAll();
    labelButtons.clear();
    chosen.clear();
    task = null;
    Campaign campaign = campaignSelect.getValue();
    if (campaign == null) {
      return;
    }
    Optional<Task> next;
    try {
      next = labeling.next(campaign.id(), labeler);
    } catch (RuntimeException refused) {
      // not open to this labeler (the owner, blocked, paused, closed): say why instead of failing
      showStanding(campaign);
      showMessage(refused.getMessage());
      return;
    }
    showStanding(campaign);
    if (next.isEmpty()) {
      showMessage("Nothing left for you in this campaign. Thank you!");
      return;
    }
    task = next.get();
    taskArea.add(configureInstructions(campaign), configureContent(), configureLabels(campaign));
  }

  private Component configureInstructions(Campaign campaign) {
    Details instructions = new Details("Instructions", new Paragraph(campaign.instructions()));
    instructions.setId("instructions");
    instructions.setOpened(submitted == 0);
    return instructions;
  }

  private Component configureContent() {
    Div content = new Div();
    content.setId("task-content");
    content.getElement().setAttribute("data-item", task.lease().item().id().value());
    content.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.BorderRadius.MEDIUM);
    TaskContent item = labeling.content(task.lease().id(), labeler);
    switch (item.kind()) {
      case TEXT -> content.add(new Paragraph(item.text()));
      case IMAGE -> {
        Image image =
            new Image(
                "data:"
                    + item.mediaType()
                    + ";base64,"
                    + Base64.getEncoder().encodeToString(item.bytes()),
                "the item to label");
        image.setMaxWidth("100%");
        content.add(image);
      }
      case FIELDS ->
          item.fields()
              .forEach(
                  (name, value) -> {
                    Span caption = new Span(name);
                    caption.addClassNames(
                        LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
                    content.add(new Div(caption), new Paragraph(value));
                  });
    }
    return content;
  }

  private Component configureLabels(Campaign campaign) {
    HorizontalLayout buttons = new HorizontalLayout();
    buttons.setId("labels");
    buttons.getStyle().set("flex-wrap", "wrap");
    List<String> names = campaign.labelNames();
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      String shortcut = i < SHORTCUT_LABELS ? (i + 1) + "  " : "";
      Button button = new Button(shortcut + names.get(i), e -> toggle(index));
      button.getElement().setAttribute("data-label", names.get(i));
      labelButtons.add(button);
      buttons.add(button);
    }
    Button submit = new Button("Submit (Enter)", e -> submit());
    submit.setId("submit-label");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button skip = new Button("Skip (S)", e -> skip());
    skip.setId("skip-task");
    String mode = campaign.schema().mode() == LabelMode.MULTI ? "one or more labels" : "one label";
    return new VerticalLayout(
        new H3("Choose " + mode), buttons, new HorizontalLayout(submit, skip));
  }

  private void toggle(int index) {
    if (task == null || index >= labelButtons.size()) {
      return;
    }
    String label = task.campaign().labelNames().get(index);
    if (task.campaign().schema().mode() == LabelMode.SINGLE) {
      chosen.clear();
      chosen.add(label);
    } else if (!chosen.remove(label)) {
      chosen.add(label);
    }
    for (Button b : labelButtons) {
      boolean on = chosen.contains(b.getElement().getAttribute("data-label"));
      b.getElement().setAttribute("aria-pressed", Boolean.toString(on));
      if (on) {
        b.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
      } else {
        b.removeThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
      }
    }
  }

  private void submit() {
    if (task == null || chosen.isEmpty()) {
      return;
    }
    try {
      labeling.submit(task.lease().id(), labeler, List.copyOf(chosen));
      if (!task.lease().gold()) {
        earnedIfAccepted =
            earnedIfAccepted.add(new BigDecimal(task.campaign().reward().toString()));
      }
      submitted++;
      showStats();
    } catch (IllegalStateException | IllegalArgumentException refused) {
      // e.g. the lease expired while the person read: the item went back to the queue
      Notification.show(refused.getMessage(), 4_000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
    nextTask();
  }

  private void skip() {
    if (task == null) {
      return;
    }
    try {
      labeling.skip(task.lease().id(), labeler);
    } catch (IllegalStateException refused) {
      Notification.show(refused.getMessage(), 4_000, Notification.Position.BOTTOM_START);
    }
    nextTask();
  }

  private void showStats() {
    sessionStats.setText(
        "This session: "
            + submitted
            + " labels, "
            + earnedIfAccepted.stripTrailingZeros().toPlainString()
            + " tokens if accepted (pending validation)");
  }

  /** Qualifying n of Q, qualified (with the reliability once validated), or blocked and why. */
  private void showStanding(Campaign campaign) {
    Standing s;
    try {
      s = validation.standing(campaign.id(), labeler);
    } catch (RuntimeException e) {
      standing.setText("");
      return;
    }
    standing.getElement().setAttribute("data-state", s.state().name());
    switch (s.state()) {
      case QUALIFYING ->
          standing.setText(
              "Qualification: "
                  + s.qualificationAnswered()
                  + " of "
                  + s.qualificationItems()
                  + " answered ("
                  + s.qualificationNeeded()
                  + " right answers needed) before paid tasks");
      case QUALIFIED ->
          standing.setText(
              "Qualified"
                  + (s.reliability().isPresent()
                      ? String.format(
                          Locale.ROOT,
                          " · reliability %.0f%% from %d labels",
                          s.reliability().getAsDouble() * 100,
                          s.reliabilityLabels())
                      : "")
                  + " · "
                  + s.labels().accepted()
                  + " accepted, "
                  + s.labels().rejected()
                  + " rejected, "
                  + s.labels().pending()
                  + " pending");
      case BLOCKED ->
          standing.setText(
              "Blocked from this campaign: " + s.blockReason().orElse("no reason recorded"));
    }
  }

  private void showMessage(String text) {
    Paragraph message = new Paragraph(text);
    message.setId("labeling-message");
    taskArea.add(message);
  }
}
