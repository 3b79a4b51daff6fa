package io.datamint.domain.model.dataset;

import java.util.Objects;

/** The outcome of inspecting an uploaded file: accepted with its manifest, or rejected with why. */
public sealed interface Inspection {

  record Accepted(Manifest manifest, Preview preview) implements Inspection {
    public Accepted {
      Objects.requireNonNull(manifest, "manifest must not be null");
      Objects.requireNonNull(preview, "preview must not be null");
    }
  }

  record Rejected(RejectionReason reason) implements Inspection {
    public Rejected {
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
