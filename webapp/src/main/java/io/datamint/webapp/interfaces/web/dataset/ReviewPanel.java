package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A reviewer's decision on the version awaiting review. It only fires events; the view calls the
 * use case, which decides whether the decision is allowed.
 */
public class ReviewPanel extends Composite<VerticalLayout> {

  private final TextArea reason = new TextArea("Reason for a rejection (the contributor reads it)");

  public ReviewPanel(int version) {
    VerticalLayout content = getContent();
    content.setId("review");
    content.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
    reason.setId("review-reason");
    reason.setWidthFull();
    reason.setMaxLength(2_000);

    Button approve = new Button("Approve version " + version, e -> fire(new ApproveEvent(this)));
    approve.setId("review-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button("Reject", e -> rejectClicked());
    reject.setId("review-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);

    content.add(new H4("Review"), reason, new HorizontalLayout(approve, reject));
  }

  private void rejectClicked() {
    if (reason.getValue().isBlank()) {
      reason.setInvalid(true);
      reason.setErrorMessage("Say why, so the contributor can fix it.");
      return;
    }
    fire(new RejectEvent(this, reason.getValue().strip()));
  }

  private void fire(ComponentEvent<ReviewPanel> event) {
    fireEvent(event);
  }

  public Registration addApproveListener(ComponentEventListener<ApproveEvent> listener) {
    return addListener(ApproveEvent.class, listener);
  }

  public Registration addRejectListener(ComponentEventListener<RejectEvent> listener) {
    return addListener(RejectEvent.class, listener);
  }

  /** The reviewer approves the version. */
  public static final class ApproveEvent extends ComponentEvent<ReviewPanel> {
    private static final long serialVersionUID = 1L;

    ApproveEvent(ReviewPanel source) {
      super(source, false);
    }
  }

  /** The reviewer rejects the version, with a reason. */
  public static final class RejectEvent extends ComponentEvent<ReviewPanel> {
    private static final long serialVersionUID = 1L;

    private final String reason;

    RejectEvent(ReviewPanel source, String reason) {
      super(source, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
