package io.datamint.webapp.interfaces.web.campaign;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.EscrowOperation;
import io.datamint.domain.model.campaign.EscrowOperationStatus;
import io.datamint.domain.model.chain.TxHash;
import java.util.Optional;

/**
 * Where a campaign's money stands on chain: not funded yet (DRAFT); the deposit under way, with the
 * attempt and why it waits (e.g. the chain is unreachable and the worker tries again); the deposit
 * refused, with the reason and a retry; then the funding transaction and, once closed, the refund.
 */
public class FundingPanel extends Composite<Div> {

  private final Paragraph status = new Paragraph();

  /**
   * @param open the deposit operation, if the campaign was ever funded
   * @param refund the refund operation, if the campaign was closed after funding
   * @param retry what "Retry funding" does
   */
  public FundingPanel(
      Campaign campaign,
      Optional<EscrowOperation> open,
      Optional<EscrowOperation> refund,
      Runnable retry) {
    Div panel = getContent();
    panel.setId("funding");
    panel.setWidthFull();
    status.setId("funding-status");
    panel.add(status);
    switch (campaign.state()) {
      case DRAFT -> status.setText("Not funded yet: fund it to deposit the budget and open it.");
      case FUNDING -> {
        EscrowOperation o = open.orElse(null);
        if (o != null && o.status() == EscrowOperationStatus.FAILED) {
          status.setText(
              "The deposit of "
                  + campaign.budget()
                  + " tokens failed"
                  + o.failureReason().map(r -> " (" + r + ")").orElse("")
                  + ": "
                  + o.message().orElse("no reason given")
                  + ".");
          status.addClassNames(LumoUtility.TextColor.ERROR);
          Button again = new Button("Retry funding", e -> retry.run());
          again.setId("retry-funding");
          again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
          panel.add(again);
        } else {
          status.setText(
              "Depositing "
                  + campaign.budget()
                  + " tokens into the reward escrow; the campaign opens when the deposit is"
                  + " confirmed on chain."
                  + (o == null ? "" : " Attempt " + Math.max(1, o.attempts()) + "."));
          ProgressBar bar = new ProgressBar();
          bar.setIndeterminate(true);
          panel.add(bar);
          if (o != null && o.message().isPresent()) {
            Paragraph waiting = new Paragraph("Waiting: " + o.message().get());
            waiting.setId("funding-message");
            waiting.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            panel.add(waiting);
          }
        }
      }
      default -> {
        status.setText(
            campaign
                .fundingTransaction()
                .map(t -> "Funded on chain in transaction " + t.value() + ".")
                .orElse("Never funded."));
        campaign
            .fundingTransaction()
            .map(TxHash::value)
            .ifPresent(t -> status.getElement().setAttribute("data-transaction", t));
        refund.ifPresent(
            r -> {
              Paragraph text = new Paragraph(refundText(r));
              text.setId("refund-status");
              panel.add(text);
            });
      }
    }
  }

  /** The sentence at the top, for tests and for whoever composes the page. */
  public String statusText() {
    return status.getText();
  }

  static String refundText(EscrowOperation refund) {
    return switch (refund.status()) {
      case DONE ->
          "The unspent budget was returned"
              + refund.transaction().map(t -> " in " + t.value()).orElse("")
              + ".";
      case FAILED -> "The refund failed: " + refund.message().orElse("no reason given") + ".";
      default ->
          "The unspent budget will be returned: "
              + refund.message().orElse("queued")
              + (refund.nextAttemptAt() == null
                  ? ""
                  : " (next look " + CampaignView.WHEN.format(refund.nextAttemptAt()) + ")")
              + ".";
    };
  }
}
