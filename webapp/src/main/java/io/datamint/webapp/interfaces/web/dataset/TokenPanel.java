package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.webapp.interfaces.rest.DatasetDocument.Token;
import io.datamint.webapp.interfaces.rest.DatasetDocument.TokenVersion;

/**
 * The dataset on chain: its data NFT and datatoken once minted, the transaction, and while the mint
 * is queued or waiting for its receipt, that it is under way (and why, when the chain is down or
 * refused it).
 */
public class TokenPanel extends Composite<Div> {

  public TokenPanel(Token token) {
    Div content = getContent();
    content.setId("token");
    content.setWidthFull();
    content.add(new H4("On chain"));

    Div status = new Div(StateBadge.of(token.status()));
    status.setId("token-status");
    status.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM);
    status.getStyle().set("align-items", "center");
    if (isPending(token.status())) {
      ProgressBar minting = new ProgressBar();
      minting.setIndeterminate(true);
      minting.setWidth("10rem");
      status.add(minting, new Span("Minting the data NFT and its datatoken …"));
    } else if (token.confirmed()) {
      status.add(new Span("confirmed"));
    }
    content.add(status);
    if (token.message() != null) {
      Paragraph message = new Paragraph(token.message());
      message.setId("token-message");
      message.addClassNames(
          token.status().equals("FAILED")
              ? LumoUtility.TextColor.ERROR
              : LumoUtility.TextColor.SECONDARY);
      content.add(message);
    }
    if (token.tokenId() != null) {
      content.add(line("Token id", "#" + token.tokenId(), "token-id"));
    }
    if (token.dataNft() != null) {
      content.add(line("Data NFT contract", token.dataNft(), "token-contract"));
    }
    if (token.datatoken() != null) {
      content.add(line("Datatoken", token.datatoken(), "token-datatoken"));
    }
    if (token.transaction() != null) {
      content.add(line("Transaction", token.transaction(), "token-transaction"));
    }
    for (TokenVersion v : token.versions()) {
      content.add(
          line(
              "Version " + v.version(),
              StateBadge.label(v.status())
                  + (v.transaction() == null ? "" : " · " + v.transaction())
                  + (v.message() == null ? "" : " · " + v.message()),
              "token-version-" + v.version()));
    }
  }

  /** Whether the chain still has work to do for this dataset, so the page keeps polling. */
  public static boolean isPending(Token token) {
    return isPending(token.status())
        || token.versions().stream().anyMatch(v -> isPending(v.status()));
  }

  private static boolean isPending(String status) {
    return status.equals("QUEUED") || status.equals("SUBMITTED");
  }

  private static Component line(String name, String value, String id) {
    Span caption = new Span(name + ": ");
    caption.addClassNames(LumoUtility.TextColor.SECONDARY);
    Span text = new Span(value);
    text.setId(id);
    text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    text.addClassNames(LumoUtility.FontSize.SMALL);
    return new Div(caption, text);
  }
}
