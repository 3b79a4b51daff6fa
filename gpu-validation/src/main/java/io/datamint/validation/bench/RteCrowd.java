package io.datamint.validation.bench;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.ItemContent;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The RTE crowd of Snow et al. (2008) in CrowdTruth's standardized file: 800 sentence pairs, 10
 * labels each. Gold answers are kept apart, for evaluation (or deliberately handed over in part).
 */
public record RteCrowd(
    List<Annotation> annotations, Map<String, ItemContent> items, Map<String, String> gold) {

  public static RteCrowd read(Path csv) throws IOException {
    List<Annotation> annotations = new ArrayList<>();
    Map<String, ItemContent> items = new LinkedHashMap<>();
    Map<String, String> gold = new LinkedHashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord r : parser) {
        String item = r.get("orig_id");
        annotations.add(new Annotation(item, r.get("!amt_worker_ids"), r.get("response")));
        gold.put(item, r.get("gold"));
        items.putIfAbsent(
            item, ItemContent.pair(unescape(r.get("text")), unescape(r.get("hypothesis"))));
      }
    }
    return new RteCrowd(annotations, items, gold);
  }

  /** The file keeps the HTML entities of the original task pages. */
  static String unescape(String s) {
    return s.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
