package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.chain.TokenAmount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The terms of a new campaign. It computes the minimum budget and the wallet's shortfall as the
 * terms change and checks the gold CSV line by line; it never calls a service: "Create and fund"
 * fires a {@link CreateEvent} with the draft and the parsed gold answers, and the view decides.
 */
public class CampaignForm extends VerticalLayout {

  /** A sample of the version (from its public preview) to pick gold items from. */
  public record PreviewItem(String id, String text) {}

  private final long items;
  private final Optional<TokenAmount> balance;

  private final TextField title = new TextField("Title");
  private final RadioButtonGroup<LabelMode> mode = new RadioButtonGroup<>("Labels per answer");
  private final TextArea labels = new TextArea("Label set (one per line)");
  private final TextArea instructions = new TextArea("Instructions for labelers");
  private final IntegerField labelsPerItem = new IntegerField("Labels per item (k)");
  private final BigDecimalField reward = new BigDecimalField("Reward per accepted label (tokens)");
  private final NumberField threshold = new NumberField("Quality threshold (0 to 1)");
  private final DateTimePicker deadline = new DateTimePicker("Deadline (UTC)");
  private final TextArea goldCsv = new TextArea("Gold answers (CSV: item_id,label)");
  private final IntegerField goldEvery = new IntegerField("One task in N is gold");
  private final BigDecimalField budget = new BigDecimalField("Budget to deposit (tokens)");
  private final Span minimum = new Span();
  private final Span wallet = new Span();
  private final Span goldStatus = new Span();
  private final UnorderedList goldProblems = new UnorderedList();
  private final Paragraph error = new Paragraph();
  private final Button create = new Button("Create and fund");

  private final CampaignDraft draft = new CampaignDraft();
  private final Binder<CampaignDraft> binder = new Binder<>(CampaignDraft.class);
  private BudgetEstimate estimate;
  private boolean budgetEdited;
  private boolean settingBudget;

  /**
   * @param items the version's item count
   * @param balance what the owner's wallet holds, empty when the chain could not be asked
   * @param walletAddress the owner's wallet, to top up
   * @param preview items to pick gold answers from
   */
  public CampaignForm(
      long items,
      Optional<TokenAmount> balance,
      String walletAddress,
      String chainProblem,
      List<PreviewItem> preview) {
    this.items = items;
    this.balance = balance;
    setPadding(false);
    configureFields();
    configureBinder();
    FormLayout terms = new FormLayout();
    terms.add(title, 2);
    terms.add(mode, labelsPerItem, labels, instructions, reward, threshold, deadline);
    terms.setColspan(labels, 1);
    add(new H3("Terms"), terms);
    add(configureGold(preview));
    add(configureBudget(walletAddress, chainProblem));
    error.setId("form-error");
    error.addClassNames(LumoUtility.TextColor.ERROR);
    create.setId("create-campaign");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(e -> submit());
    add(error, create);
    recompute();
  }

  private void configureFields() {
    title.setId("campaign-title");
    title.setMaxLength(CampaignTerms.MAX_TITLE);
    title.setRequiredIndicatorVisible(true);
    mode.setId("campaign-mode");
    mode.setItems(LabelMode.values());
    mode.setItemLabelGenerator(m -> m == LabelMode.SINGLE ? "Single label" : "Several labels");
    labels.setId("campaign-labels");
    labels.setValueChangeMode(ValueChangeMode.LAZY);
    labels.setPlaceholder("cat\ndog");
    labels.setHelperText("2 to " + LabelSchema.MAX_LABELS + "; keys 1-9 pick the first nine");
    instructions.setId("campaign-instructions");
    instructions.setMaxLength(CampaignTerms.MAX_INSTRUCTIONS);
    labelsPerItem.setId("campaign-k");
    labelsPerItem.setMin(1);
    labelsPerItem.setMax(CampaignTerms.MAX_LABELS_PER_ITEM);
    labelsPerItem.setStepButtonsVisible(true);
    labelsPerItem.setHelperText("distinct labelers per item");
    labelsPerItem.setValueChangeMode(ValueChangeMode.EAGER);
    reward.setId("campaign-reward");
    reward.setValueChangeMode(ValueChangeMode.EAGER);
    threshold.setId("campaign-threshold");
    threshold.setMin(0);
    threshold.setMax(1);
    threshold.setStep(0.05);
    threshold.setHelperText("the score a label needs to be accepted");
    deadline.setId("campaign-deadline");
    deadline.setStep(Duration.ofMinutes(30));
    deadline.setMin(LocalDateTime.now(ZoneOffset.UTC));
  }

  private void configureBinder() {
    // The label set and the gold answers are checked as they are typed (and the gold check needs
    // the label set even when the next thing the user does is to upload a file, which sends no
    // pending change of the page): sent while typing, not only when the field is left.
    labels.setValueChangeMode(ValueChangeMode.LAZY);
    goldCsv.setValueChangeMode(ValueChangeMode.LAZY);
    binder.forField(title).bind(CampaignDraft::getTitle, CampaignDraft::setTitle);
    binder.forField(mode).bind(CampaignDraft::getMode, CampaignDraft::setMode);
    binder.forField(labels).bind(CampaignDraft::getLabels, CampaignDraft::setLabels);
    binder
        .forField(instructions)
        .bind(CampaignDraft::getInstructions, CampaignDraft::setInstructions);
    binder
        .forField(labelsPerItem)
        .bind(CampaignDraft::getLabelsPerItem, CampaignDraft::setLabelsPerItem);
    binder.forField(reward).bind(CampaignDraft::getReward, CampaignDraft::setReward);
    binder
        .forField(threshold)
        .bind(CampaignDraft::getQualityThreshold, CampaignDraft::setQualityThreshold);
    binder
        .forField(deadline)
        .bind(
            d ->
                d.getDeadline() == null
                    ? null
                    : LocalDateTime.ofInstant(d.getDeadline(), ZoneOffset.UTC),
            (d, v) -> d.setDeadline(v == null ? null : v.toInstant(ZoneOffset.UTC)));
    binder.forField(goldCsv).bind(CampaignDraft::getGoldCsv, CampaignDraft::setGoldCsv);
    binder.forField(goldEvery).bind(CampaignDraft::getGoldEvery, CampaignDraft::setGoldEvery);
    binder.forField(budget).bind(CampaignDraft::getBudget, CampaignDraft::setBudget);
    draft.setDeadline(Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS));
    binder.setBean(draft);
    labelsPerItem.addValueChangeListener(e -> recompute());
    reward.addValueChangeListener(e -> recompute());
    goldCsv.addValueChangeListener(e -> recompute());
    labels.addValueChangeListener(e -> recompute());
    mode.addValueChangeListener(e -> recompute());
    budget.addValueChangeListener(
        e -> {
          if (!settingBudget && e.isFromClient()) {
            budgetEdited = true;
          }
          recompute();
        });
  }

  private Div configureGold(List<PreviewItem> preview) {
    goldCsv.setId("gold-csv");
    goldCsv.setValueChangeMode(ValueChangeMode.LAZY);
    goldCsv.setWidthFull();
    goldCsv.setPlaceholder("item_id,label\n0123456789abcdef-000004,cat");
    goldCsv.setHelperText(
        "Items with known answers, mixed into the tasks to measure labelers; in a several-labels"
            + " campaign separate labels with |. Gold answers are not paid.");
    goldEvery.setId("gold-every");
    goldEvery.setMin(2);
    goldEvery.setMax(100);
    goldEvery.setStepButtonsVisible(true);

    // The file arrives in a request of its own: the form is changed under the UI's lock, and the
    // figures recomputed explicitly from the new text.
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, bytes) -> {
                  String text = new String(bytes, StandardCharsets.UTF_8);
                  goldCsv
                      .getUI()
                      .ifPresent(
                          ui ->
                              ui.access(
                                  () -> {
                                    goldCsv.setValue(text);
                                    recompute();
                                  }));
                }));
    upload.setId("gold-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(GoldCsv.MAX_CHARS);
    upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
    upload.setUploadButton(new Button("Upload a gold CSV"));
    // The file arrives in its own request, whose answer carries no changes for the page: a round
    // trip when the browser reports the upload done brings the parsed CSV and its problems to the
    // page (without it they showed only at the user's next action).
    upload.getElement().addEventListener("upload-success", done -> {});

    goldStatus.setId("gold-status");
    goldStatus.addClassNames(LumoUtility.FontSize.SMALL);
    goldProblems.setId("gold-problems");
    goldProblems.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);

    Div gold = new Div(new H3("Gold items"), upload, goldCsv);
    gold.setWidthFull();
    if (!preview.isEmpty()) {
      gold.add(configurePreviewPicker(preview));
    }
    gold.add(goldEvery, new Div(goldStatus), goldProblems);
    return gold;
  }

  /** Picks an item of the public preview and appends it with a label to the gold CSV. */
  private HorizontalLayout configurePreviewPicker(List<PreviewItem> preview) {
    Select<PreviewItem> item = new Select<>();
    item.setId("gold-preview-item");
    item.setLabel("Or pick from the preview");
    item.setItems(preview);
    item.setItemLabelGenerator(
        p -> p.text().length() > 60 ? p.text().substring(0, 60) + "…" : p.text());
    item.setWidth("28rem");
    Select<String> answer = new Select<>();
    answer.setId("gold-preview-label");
    answer.setLabel("Its label");
    Runnable refreshLabels =
        () -> {
          try {
            answer.setItems(draft.schema().labels());
          } catch (IllegalArgumentException e) {
            answer.setItems(List.of());
          }
        };
    labels.addValueChangeListener(e -> refreshLabels.run());
    refreshLabels.run();
    Button add = new Button("Add as gold");
    add.setId("gold-preview-add");
    add.addClickListener(
        e -> {
          if (item.getValue() == null || answer.getValue() == null) {
            return;
          }
          String csv = goldCsv.getValue().stripTrailing();
          String line = item.getValue().id() + "," + quote(answer.getValue());
          goldCsv.setValue(csv.isEmpty() ? line : csv + "\n" + line);
        });
    HorizontalLayout picker = new HorizontalLayout(item, answer, add);
    picker.setAlignItems(FlexComponent.Alignment.BASELINE);
    return picker;
  }

  private static String quote(String label) {
    return label.contains(",") || label.contains("\"")
        ? "\"" + label.replace("\"", "\"\"") + "\""
        : label;
  }

  private Div configureBudget(String walletAddress, String chainProblem) {
    budget.setId("campaign-budget");
    budget.setWidth("18rem");
    budget.setValueChangeMode(ValueChangeMode.EAGER);
    minimum.setId("minimum-budget");
    wallet.setId("wallet-balance");
    wallet.addClassNames(LumoUtility.FontSize.SMALL);
    Div money = new Div(new H3("Budget"), budget, new Div(minimum), new Div(wallet));
    money.getElement().setAttribute("data-wallet", walletAddress);
    if (chainProblem != null) {
      wallet.setText("The wallet's balance cannot be read now: " + chainProblem);
    }
    return money;
  }

  /** The minimum budget, the budget's default, the wallet's shortfall and the gold check. */
  private void recompute() {
    // a refusal was about the values before this change
    error.setText("");
    GoldCsv.Parsed gold = parsedGold();
    showGold(gold);
    try {
      estimate =
          BudgetEstimate.of(
              reward.getValue(), labelsPerItem.getValue(), items, gold.lines().size());
      minimum.setText("Minimum " + estimate.required() + " tokens: " + estimate.explanation());
      minimum.getElement().setAttribute("data-minimum", estimate.required().toString());
      minimum.removeClassName(LumoUtility.TextColor.ERROR);
      if (!budgetEdited) {
        settingBudget = true;
        budget.setValue(estimate.required().inTokens());
        settingBudget = false;
      }
    } catch (IllegalArgumentException e) {
      estimate = null;
      minimum.setText(e.getMessage());
      minimum.getElement().removeAttribute("data-minimum");
      minimum.addClassName(LumoUtility.TextColor.ERROR);
    }
    showWallet();
  }

  private void showWallet() {
    if (balance.isEmpty()) {
      return;
    }
    TokenAmount held = balance.get();
    wallet.getElement().setAttribute("data-balance", held.toString());
    BigDecimal wanted = budget.getValue();
    Optional<TokenAmount> shortfall =
        wanted == null || wanted.signum() < 0
            ? Optional.empty()
            : BudgetEstimate.shortfall(held, safeTokens(wanted));
    wallet.setText(
        "Your wallet holds "
            + held
            + " tokens."
            + shortfall
                .map(
                    s ->
                        " It lacks "
                            + s
                            + " for this budget: top it up before funding (on the local"
                            + " development chain the platform tops it up for you).")
                .orElse(""));
  }

  private static TokenAmount safeTokens(BigDecimal value) {
    try {
      return TokenAmount.ofTokens(value.toPlainString());
    } catch (IllegalArgumentException e) {
      return TokenAmount.ZERO;
    }
  }

  /** The gold answers as the fields show them now (the draft may not have them yet). */
  private GoldCsv.Parsed parsedGold() {
    CampaignDraft shown = new CampaignDraft();
    shown.setMode(mode.getValue());
    shown.setLabels(labels.getValue());
    LabelSchema schema;
    try {
      schema = shown.schema();
    } catch (IllegalArgumentException e) {
      return new GoldCsv.Parsed(List.of(), List.of());
    }
    return GoldCsv.parse(goldCsv.getValue(), schema);
  }

  /** Shows the gold answers read and every problem with its line. */
  public void showGold(GoldCsv.Parsed gold) {
    goldProblems.removeAll();
    gold.problems().forEach(p -> goldProblems.add(new ListItem(p.toString())));
    int count = gold.lines().size();
    goldStatus.setText(
        gold.ok()
            ? count == 0 ? "No gold items." : count + (count == 1 ? " gold item." : " gold items.")
            : gold.problems().size() + " problem(s) in the gold answers:");
    goldStatus.getElement().setAttribute("data-gold", Integer.toString(count));
    goldEvery.setEnabled(count > 0);
  }

  private void submit() {
    error.setText("");
    LabelSchema schema;
    try {
      schema = draft.schema();
    } catch (IllegalArgumentException e) {
      error.setText(e.getMessage());
      return;
    }
    GoldCsv.Parsed gold = GoldCsv.parse(goldCsv.getValue(), schema);
    showGold(gold);
    if (!gold.ok()) {
      error.setText("Fix the gold answers first: " + gold.problems().get(0));
      return;
    }
    fireEvent(new CreateEvent(this, draft, gold));
  }

  /** The view tells what went wrong (e.g. the terms were refused). */
  public void showError(String message) {
    error.setText(message);
  }

  public void setBusy(boolean busy) {
    create.setEnabled(!busy);
  }

  /** "Create and fund" with a draft whose gold CSV parsed without problems. */
  public static class CreateEvent extends ComponentEvent<CampaignForm> {
    private final CampaignDraft draft;
    private final GoldCsv.Parsed gold;

    public CreateEvent(CampaignForm source, CampaignDraft draft, GoldCsv.Parsed gold) {
      super(source, false);
      this.draft = draft;
      this.gold = gold;
    }

    public CampaignDraft draft() {
      return draft;
    }

    public GoldCsv.Parsed gold() {
      return gold;
    }
  }

  public Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
    return addListener(CreateEvent.class, listener);
  }
}
