package io.datamint.domain.model.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Crowd labels that someone brings to be scored, outside any campaign: the annotations, the item
 * content when known, gold answers for some items and the accept threshold. Becomes a {@link
 * ValidationBatch} whose job key is derived from the content, so that the same labels sent twice
 * name the same job.
 */
public record CrowdLabels(
    List<Annotation> annotations,
    Map<String, ItemContent> items,
    Map<String, String> gold,
    double acceptThreshold) {

  /** The threshold the command line uses too. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  public CrowdLabels {
    annotations = List.copyOf(Objects.requireNonNull(annotations, "annotations must not be null"));
    items = Map.copyOf(Objects.requireNonNull(items, "items must not be null (may be empty)"));
    gold = Map.copyOf(Objects.requireNonNull(gold, "gold must not be null (may be empty)"));
  }

  /**
   * The batch for the queue, keyed {@code upload/<requester>/<sha-256 of the content>}: the
   * requester is part of the key, so two people sending the same file get a job each, and each sees
   * only their own.
   *
   * @throws IllegalArgumentException when the labels do not make a batch (none, a labeler twice on
   *     one item, a threshold outside (0, 1))
   */
  public ValidationBatch toBatch(JobRequester requester) {
    Objects.requireNonNull(requester, "requester must not be null");
    return new ValidationBatch(
        "upload/" + requester.subject() + "/" + contentHash(),
        annotations,
        items,
        gold,
        acceptThreshold);
  }

  /**
   * SHA-256 over every input in a fixed order, each string prefixed with its length so that no two
   * different inputs share an encoding. Annotation order counts (it is the order of the results);
   * maps are hashed in key order.
   */
  String contentHash() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    put(sha, "annotations:" + annotations.size());
    for (Annotation a : annotations) {
      put(sha, a.itemKey());
      put(sha, a.labelerKey());
      put(sha, a.label());
    }
    put(sha, "items:" + items.size());
    new TreeMap<>(items)
        .forEach(
            (key, content) -> {
              put(sha, key);
              put(sha, content.text());
              put(sha, content.isPair() ? "pair:" + content.secondText() : "single");
            });
    put(sha, "gold:" + gold.size());
    new TreeMap<>(gold)
        .forEach(
            (key, label) -> {
              put(sha, key);
              put(sha, label);
            });
    put(sha, "threshold:" + acceptThreshold);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void put(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
  }
}
