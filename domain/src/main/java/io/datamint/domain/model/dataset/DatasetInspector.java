package io.datamint.domain.model.dataset;

import java.nio.file.Path;

/**
 * Inspects an uploaded file that is already on local disk: detects its format, reads every item,
 * infers the schema, computes statistics, scans for personal data and picks a preview. Bad input is
 * an {@link Inspection.Rejected} with a precise reason, never an exception; an exception means the
 * inspector itself failed (e.g. the disk), and the caller may retry.
 */
public interface DatasetInspector {

  /**
   * @param file the uploaded bytes; the inspector reads it, never moves or deletes it
   * @param fileName the name the contributor gave, whose extension must agree with the content
   * @param items receives every item in order
   */
  Inspection inspect(Path file, String fileName, ItemSink items) throws java.io.IOException;
}
