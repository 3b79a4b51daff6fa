package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.webapp.interfaces.web.campaign.Bars.Bar;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A titled horizontal bar chart of {@link Bars} in their own order, drawn with plain elements
 * (Vaadin Charts is paid and no frontend bundle may be built). Each bar carries {@code data-key}
 * and {@code data-count} so that tests and scripts read the numbers, not the pixels.
 */
public class BarChart extends Composite<Div> {

  /** Bar colours by the Lumo palette: a fate reads at a glance. */
  public enum Tone {
    PRIMARY("var(--lumo-primary-color-50pct)"),
    SUCCESS("var(--lumo-success-color-50pct)"),
    ERROR("var(--lumo-error-color-50pct)"),
    NEUTRAL("var(--lumo-contrast-30pct)");

    private final String css;

    Tone(String css) {
      this.css = css;
    }
  }

  public interface Toning {
    Tone of(Bar bar);
  }

  public BarChart(String id, String title, Bars bars) {
    this(id, title, bars, bar -> Tone.PRIMARY);
  }

  public BarChart(String id, String title, Bars bars, Toning toning) {
    Div chart = getContent();
    chart.setId(id);
    chart.addClassName("bar-chart");
    chart.setWidthFull();
    H4 heading = new H4(title);
    heading.addClassNames(LumoUtility.Margin.Bottom.XSMALL);
    chart.add(heading);
    NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    for (Bar bar : bars.bars()) {
      chart.add(row(bars, bar, number, toning.of(bar)));
    }
    if (bars.total() == 0) {
      Span none = new Span("Nothing yet.");
      none.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
      chart.add(none);
    }
  }

  private static Div row(Bars bars, Bar bar, NumberFormat number, Tone tone) {
    Span name = new Span(bar.label());
    name.addClassName("bar-label");
    name.getStyle().set("width", "9rem").set("flex", "none").set("overflow", "hidden");
    name.getStyle().set("text-overflow", "ellipsis").set("white-space", "nowrap");

    Div fill = new Div();
    fill.getStyle()
        .set("width", String.format(Locale.ROOT, "%.2f%%", 100 * bars.length(bar)))
        .set("height", "1rem")
        .set("background", tone.css)
        .set("border-radius", "var(--lumo-border-radius-s)");
    Div track = new Div(fill);
    track.getStyle().set("flex", "1");

    Span amount =
        new Span(
            number.format(bar.count())
                + String.format(Locale.ENGLISH, " (%.1f %%)", 100 * bars.share(bar)));
    amount.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    amount.getStyle().set("width", "8rem").set("flex", "none").set("text-align", "right");

    Div row = new Div(name, track, amount);
    row.addClassName("bar");
    row.getElement().setAttribute("data-key", bar.key());
    row.getElement().setAttribute("data-count", Long.toString(bar.count()));
    row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "0.5rem");
    return row;
  }
}
