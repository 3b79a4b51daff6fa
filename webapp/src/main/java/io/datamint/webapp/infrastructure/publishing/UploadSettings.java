package io.datamint.webapp.infrastructure.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where uploads wait and how large they may be: {@code datamint.upload.dir} (default {@code
 * ${java.io.tmpdir}/datamint-uploads}) and {@code datamint.upload.max-bytes} (default 4 GiB, the
 * inspector's own limit).
 */
@ApplicationScoped
public class UploadSettings {

  @Inject
  @ConfigProperty(name = "datamint.upload.dir")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "datamint.upload.max-bytes", defaultValue = "4294967296")
  long maxBytes;

  public Path directory() {
    return directory
        .filter(d -> !d.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "datamint-uploads"));
  }

  public long maxBytes() {
    return maxBytes;
  }
}
