package io.datamint.validation.cli;

import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The three result files, written the same way by the command line and by the web application's
 * downloads, so that a file from either can be compared or fed to the same tools: {@code items.csv}
 * ({@code item_id,consensus_label,confidence}), {@code annotations.csv} ({@code
 * item_id,worker_id,label,quality}) and {@code workers.csv} ({@code worker_id,reliability,labels});
 * probabilities with six decimals, lines ending in {@code \n}. The writers flush but leave the
 * destination open: closing it is the caller's (an HTTP response's stream is the container's).
 */
public final class ResultCsv {

  public static final List<String> ITEMS_HEADER =
      List.of("item_id", "consensus_label", "confidence");
  public static final List<String> ANNOTATIONS_HEADER =
      List.of("item_id", "worker_id", "label", "quality");
  public static final List<String> WORKERS_HEADER = List.of("worker_id", "reliability", "labels");

  private ResultCsv() {}

  public static void writeItems(Appendable out, List<ItemConsensus> items) throws IOException {
    CSVPrinter p = printer(out, ITEMS_HEADER);
    for (ItemConsensus c : items) {
      p.printRecord(c.itemKey(), c.consensusLabel(), number(c.confidence()));
    }
    p.flush();
  }

  public static void writeAnnotations(Appendable out, List<LabelScore> labels) throws IOException {
    CSVPrinter p = printer(out, ANNOTATIONS_HEADER);
    for (LabelScore s : labels) {
      p.printRecord(s.itemKey(), s.labelerKey(), s.label(), number(s.quality()));
    }
    p.flush();
  }

  public static void writeWorkers(Appendable out, List<LabelerReliability> labelers)
      throws IOException {
    CSVPrinter p = printer(out, WORKERS_HEADER);
    for (LabelerReliability r : labelers) {
      p.printRecord(r.labelerKey(), number(r.reliability()), r.labelCount());
    }
    p.flush();
  }

  private static CSVPrinter printer(Appendable out, List<String> header) throws IOException {
    return new CSVPrinter(
        out,
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get());
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
