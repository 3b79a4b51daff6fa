package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Column;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Flag;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Images;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Version;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One version of a dataset: where its processing stands, why it was rejected, and once inspected
 * what it holds (facts, schema, label distribution, image sizes, personal-data flags, CIDs and the
 * preview).
 */
public class VersionPanel extends Composite<VerticalLayout> {

  private static final NumberFormat NUMBER = NumberFormat.getIntegerInstance(Locale.ENGLISH);

  /**
   * @param preview reads the version's preview document; empty when there is none yet
   * @param gateway the IPFS gateway for links to the clear documents (preview, metadata)
   */
  public VersionPanel(Version version, Supplier<Optional<byte[]>> preview, URI gateway) {
    VerticalLayout content = getContent();
    content.setPadding(false);
    content.setId("version-" + version.number());
    content.add(status(version));
    if (version.rejection() != null) {
      content.add(rejection(version));
    }
    if (version.format() != null) {
      content.add(facts(version));
      content.add(section("Schema", schema(version)));
      if (version.labelDistribution() != null && !version.labelDistribution().isEmpty()) {
        content.add(
            section(
                "Labels in column “" + version.labelColumn() + "”",
                new DistributionChart(version.labelDistribution())));
      }
      if (version.images() != null) {
        content.add(section("Images", images(version.images())));
      }
      content.add(section("Personal data", flags(version)));
    }
    if (version.contentCid() != null) {
      content.add(section("On IPFS", cids(version, gateway)));
      content.add(section("Preview", previewOf(preview)));
    }
  }

  private static Component status(Version version) {
    Div line = new Div(StateBadge.of(version.state()));
    line.setId("version-state");
    line.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM);
    line.getStyle().set("align-items", "center");
    line.add(new Span(version.fileName()));
    if (isProcessing(version.state())) {
      ProgressBar bar = new ProgressBar(0, 100, version.progress());
      bar.setId("version-progress");
      bar.setWidth("16rem");
      Span percent =
          new Span(StateBadge.label(version.state()) + " · " + version.progress() + " %");
      percent.setId("version-progress-text");
      line.add(bar, percent);
    }
    if (version.reviewedBy() != null) {
      line.add(new Span("reviewed by " + version.reviewedBy()));
    }
    return line;
  }

  static boolean isProcessing(String state) {
    return state.equals("UPLOADING") || state.equals("INSPECTING") || state.equals("STORING");
  }

  private static Component rejection(Version version) {
    var r = version.rejection();
    Paragraph why =
        new Paragraph(
            (r.location() == null ? "" : r.location() + ": ")
                + r.message()
                + " ("
                + r.code()
                + ")");
    why.setId("rejection");
    why.addClassNames(
        LumoUtility.TextColor.ERROR,
        LumoUtility.Background.ERROR_10,
        LumoUtility.Padding.SMALL,
        LumoUtility.BorderRadius.MEDIUM);
    return why;
  }

  private static Component facts(Version v) {
    Div facts = new Div();
    facts.setId("version-facts");
    facts.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE);
    facts.add(fact("Format", v.format()));
    facts.add(fact("Size", bytes(v.bytes())));
    facts.add(fact("Items", NUMBER.format(v.items())));
    facts.add(fact("SHA-256", v.sha256().substring(0, 16) + "…"));
    return facts;
  }

  private static Component fact(String name, String value) {
    Span caption = new Span(name);
    caption.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Span text = new Span(value);
    text.getElement().setAttribute("data-fact", name);
    Div fact = new Div(caption, text);
    fact.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
    return fact;
  }

  private static Component schema(Version v) {
    Grid<Column> grid = new Grid<>();
    grid.setId("schema");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(Column::name).setHeader("Column").setAutoWidth(true);
    grid.addColumn(Column::type).setHeader("Type").setAutoWidth(true);
    grid.addColumn(c -> NUMBER.format(c.missing())).setHeader("Missing").setAutoWidth(true);
    grid.addColumn(c -> NUMBER.format(c.distinct()) + (c.distinctCapped() ? "+" : ""))
        .setHeader("Distinct")
        .setAutoWidth(true);
    grid.setItems(v.schema());
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Component images(Images i) {
    return new Paragraph(
        NUMBER.format(i.count())
            + " images, "
            + i.minWidth()
            + "–"
            + i.maxWidth()
            + " × "
            + i.minHeight()
            + "–"
            + i.maxHeight()
            + " px (mean "
            + Math.round(i.meanWidth())
            + " × "
            + Math.round(i.meanHeight())
            + ")");
  }

  private static Component flags(Version v) {
    if (v.flags() == null || v.flags().isEmpty()) {
      Paragraph none = new Paragraph("No personal data found by the scan.");
      none.setId("flags-none");
      return none;
    }
    UnorderedList list = new UnorderedList();
    list.setId("flags");
    for (Flag flag : v.flags()) {
      ListItem item =
          new ListItem(
              StateBadge.label(flag.kind())
                  + ": "
                  + NUMBER.format(flag.occurrences())
                  + " found, e.g. "
                  + String.join(", ", flag.maskedExamples()));
      item.addClassNames(LumoUtility.TextColor.WARNING_CONTRAST);
      item.getElement().setAttribute("data-kind", flag.kind());
      list.add(item);
    }
    return list;
  }

  private static Component cids(Version v, URI gateway) {
    UnorderedList list = new UnorderedList();
    list.setId("cids");
    list.add(
        new ListItem(
            new Span("Content (encrypted, " + bytes(v.encryptedBytes()) + "): "),
            code(v.contentCid())));
    list.add(new ListItem(new Span("Public metadata: "), gatewayLink(gateway, v.metadataCid())));
    list.add(new ListItem(new Span("Preview: "), gatewayLink(gateway, v.previewCid())));
    return list;
  }

  private static Component code(String cid) {
    Span code = new Span(cid);
    code.addClassNames(LumoUtility.FontSize.SMALL);
    code.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    code.getElement().setAttribute("data-cid", cid);
    return code;
  }

  private static Component gatewayLink(URI gateway, String cid) {
    Anchor link = new Anchor(gateway.resolve("/ipfs/" + cid).toString(), code(cid));
    link.setTarget(AnchorTarget.BLANK);
    return link;
  }

  private static Component previewOf(Supplier<Optional<byte[]>> preview) {
    try {
      return preview.get().<Component>map(PreviewPanel::new).orElseGet(() -> new Paragraph("—"));
    } catch (RuntimeException e) {
      // IPFS down or the preview unreadable: the rest of the page still helps
      Paragraph failed = new Paragraph("The preview cannot be loaded right now: " + e.getMessage());
      failed.addClassNames(LumoUtility.TextColor.SECONDARY);
      return failed;
    }
  }

  private static Component section(String title, Component body) {
    Div section = new Div(new H4(title), body);
    section.setWidthFull();
    return section;
  }

  static String bytes(Long bytes) {
    if (bytes == null) {
      return "—";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ENGLISH, "%.1f %s", value, units[unit]);
  }
}
