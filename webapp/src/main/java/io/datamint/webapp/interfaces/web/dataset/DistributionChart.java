package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of counts per value, drawn with plain elements (Vaadin Charts is paid and
 * no frontend bundle may be built): one row per value, largest first, with count and share.
 */
public class DistributionChart extends Composite<Div> {

  private static final int MAX_BARS = 20;

  public DistributionChart(Map<String, Long> counts) {
    Div chart = getContent();
    chart.addClassName("distribution-chart");
    chart.setWidthFull();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_BARS)
        .forEach(e -> chart.add(bar(e.getKey(), e.getValue(), total, max, number)));
    if (counts.size() > MAX_BARS) {
      Span more = new Span("… and " + (counts.size() - MAX_BARS) + " more values");
      more.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
      chart.add(more);
    }
  }

  private static Div bar(String value, long count, long total, long max, NumberFormat number) {
    Span name = new Span(value);
    name.addClassName("bar-label");
    name.getStyle().set("width", "10rem").set("flex", "none").set("overflow", "hidden");
    name.getStyle().set("text-overflow", "ellipsis").set("white-space", "nowrap");

    Div fill = new Div();
    fill.getStyle()
        .set("width", (100.0 * count / Math.max(1, max)) + "%")
        .set("height", "1rem")
        .set("background", "var(--lumo-primary-color-50pct)")
        .set("border-radius", "var(--lumo-border-radius-s)");
    Div track = new Div(fill);
    track.getStyle().set("flex", "1");

    double share = total == 0 ? 0 : 100.0 * count / total;
    Span amount =
        new Span(number.format(count) + String.format(Locale.ENGLISH, " (%.1f %%)", share));
    amount.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    amount.getStyle().set("width", "9rem").set("flex", "none").set("text-align", "right");

    Div row = new Div(name, track, amount);
    row.addClassName("bar");
    row.getElement().setAttribute("data-value", value);
    row.getElement().setAttribute("data-count", Long.toString(count));
    row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "0.5rem");
    return row;
  }
}
