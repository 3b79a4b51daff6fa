package io.datamint.validation.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of the model id and the text(s): the key of a cached embedding. */
final class ContentHash {

  private ContentHash() {}

  static String of(String modelId, String text) {
    return digest(modelId, "single", text, "");
  }

  static String of(String modelId, TextPair pair) {
    return digest(modelId, "pair", pair.first(), pair.second());
  }

  private static String digest(String modelId, String kind, String first, String second) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // Lengths before each part keep ("ab","c") and ("a","bc") apart.
      for (String part : new String[] {modelId, kind, first, second}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
