package io.datamint.domain.model.dataset;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Local disk where uploaded files wait, one per version, until processing is done. An upload is
 * only handed over once it is complete, so a file found here after a restart holds every byte the
 * contributor sent.
 */
public interface UploadArea {

  /** The complete upload of the version, if it is still there. */
  Optional<Path> completed(UUID versionId);

  /** Deletes the version's upload; a no-op when there is none. */
  void discard(UUID versionId);
}
