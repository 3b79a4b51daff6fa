package io.datamint.webapp.infrastructure.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large an uploaded crowd-label file may be: {@code datamint.validation.max-upload-bytes}
 * (default 32 MiB, per file). The whole batch travels to the workers as one job payload in the
 * database, so this is much smaller than the dataset upload limit; 32 MiB holds about a million
 * labels without texts, or 100,000 with short texts.
 */
@ApplicationScoped
public class ValidationUploadSettings {

  @Inject
  @ConfigProperty(name = "datamint.validation.max-upload-bytes", defaultValue = "33554432")
  long maxBytes;

  public long maxBytes() {
    return maxBytes;
  }
}
