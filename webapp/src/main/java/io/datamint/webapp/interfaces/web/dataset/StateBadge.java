package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** A dataset's or version's state as a coloured badge, so a list can be scanned at a glance. */
public final class StateBadge {

  private StateBadge() {}

  /** A badge for a state name such as {@code PENDING_REVIEW}. */
  public static Span of(String state) {
    Span badge = new Span(label(state));
    badge.getElement().getThemeList().add("badge pill");
    String theme = theme(state);
    if (!theme.isEmpty()) {
      badge.getElement().getThemeList().add(theme);
    }
    badge.getElement().setAttribute("data-state", state);
    badge.addClassName("state-badge");
    return badge;
  }

  /** {@code PENDING_REVIEW} becomes "Pending review". */
  public static String label(String state) {
    String words = state.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String theme(String state) {
    return switch (state) {
      case "LISTED", "APPROVED", "MINTED" -> "success";
      case "REJECTED", "FAILED" -> "error";
      case "UPLOADING", "INSPECTING", "STORING", "UNLISTED" -> "contrast";
      default -> "";
    };
  }
}
