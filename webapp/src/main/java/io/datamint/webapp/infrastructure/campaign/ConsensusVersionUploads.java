package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.application.ContentDownloads;
import io.datamint.domain.application.ContentDownloads.Download;
import io.datamint.domain.model.campaign.ConsensusLabel;
import io.datamint.domain.model.campaign.ConsensusSource;
import io.datamint.domain.model.campaign.ConsensusVersionPublisher;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.webapp.infrastructure.publishing.LocalUploadArea;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes consensus labels the way a contributor publishes a file: the source version is
 * decrypted from IPFS, written again with the labels ({@link ConsensusFiles}) into a scratch file,
 * taken into the upload area and handed to {@link UploadIntake} as the owner's next version. From
 * there inspection, encryption, IPFS, review and the NFT's version update run as for any version.
 * The upload limit for people does not apply: the file is derived from a version already accepted.
 */
@ApplicationScoped
public class ConsensusVersionUploads implements ConsensusVersionPublisher {

  @Inject ContentDownloads downloads;
  @Inject LocalUploadArea area;
  @Inject UploadIntake intake;

  @Override
  public int publish(ConsensusSource source, List<ConsensusLabel> labels, String fileName) {
    ContentFormat format = source.format();
    Map<String, ConsensusLabel> byLocator = new LinkedHashMap<>();
    labels.forEach(l -> byLocator.put(l.locator(), l));
    Path scratch = null;
    try {
      scratch = Files.createTempFile("consensus-", ".part");
      Download original = downloads.open(source.dataset(), source.version(), source.owner(), false);
      try (InputStream in = original.content();
          OutputStream out = Files.newOutputStream(scratch)) {
        ConsensusFiles.write(format, in, byLocator, out);
      }
      Path received;
      try (InputStream in = Files.newInputStream(scratch)) {
        received = area.receive(in, Long.MAX_VALUE);
      }
      return intake
          .publishVersion(
              source.owner(),
              source.dataset(),
              new ReceivedFile(received, fileName, Files.size(received)))
          .version();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the consensus version of " + source.dataset(), e);
    } finally {
      if (scratch != null) {
        try {
          Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
          // a scratch file in the temp folder; the system cleans it
        }
      }
    }
  }
}
