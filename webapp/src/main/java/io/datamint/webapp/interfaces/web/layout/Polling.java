package io.datamint.webapp.interfaces.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Lets a view poll the server while something it shows is under way (processing, minting), so the
 * progress moves without a reload, and stops as soon as nothing is: push would need a websocket
 * through every proxy, polling needs nothing.
 */
public final class Polling {

  private final int intervalMillis;
  private final Runnable refresh;
  private Registration registration;

  public Polling(int intervalMillis, Runnable refresh) {
    this.intervalMillis = intervalMillis;
    this.refresh = refresh;
  }

  /** Polls while {@code underWay}; a no-op when the state did not change. */
  public void keep(UI ui, boolean underWay) {
    if (underWay && registration == null) {
      ui.setPollInterval(intervalMillis);
      registration = ui.addPollListener(e -> refresh.run());
    } else if (!underWay) {
      stop(ui);
    }
  }

  public void stop(UI ui) {
    if (registration != null) {
      ui.setPollInterval(-1);
      registration.remove();
      registration = null;
    }
  }
}
