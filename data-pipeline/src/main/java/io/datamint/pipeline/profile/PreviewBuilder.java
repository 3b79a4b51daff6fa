package io.datamint.pipeline.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.domain.model.dataset.Preview;
import io.datamint.pipeline.pii.PersonalDataScanner;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Collects the public preview: the first records with every string masked for personal data and cut
 * to a readable length, or the first images re-encoded as small PNG thumbnails (which also drops
 * their EXIF metadata, GPS included). Output: one JSON document, {@code
 * {"kind":"records","items":[...]}} or {@code {"kind":"images","items":[{"id":...,"width":...,
 * "height":...,"thumbnail":"data:image/png;base64,..."}]}}.
 */
public final class PreviewBuilder {

  public static final String MEDIA_TYPE = "application/vnd.datamint.preview+json";
  private static final int MAX_TEXT = 300;
  private static final int THUMBNAIL = 128;

  private final ObjectMapper json;
  private final PersonalDataScanner masker;
  private final int maxItems;
  private final ArrayNode items;
  private String kind = "records";

  public PreviewBuilder(ObjectMapper json, int maxItems) {
    this.json = json;
    this.masker = new PersonalDataScanner();
    this.maxItems = maxItems;
    this.items = json.createArrayNode();
  }

  public boolean wantsMore() {
    return items.size() < maxItems;
  }

  /** A record given as column name to text. */
  public void record(String itemId, Map<String, String> values) {
    if (!wantsMore()) {
      return;
    }
    ObjectNode o = items.addObject();
    o.put("_id", itemId);
    values.forEach((k, v) -> o.put(k, v == null ? null : clean(v)));
  }

  /** A JSON record; strings anywhere inside are masked and cut. */
  public void record(String itemId, JsonNode node) {
    if (!wantsMore()) {
      return;
    }
    JsonNode copy = scrub(node.deepCopy());
    ObjectNode o = items.addObject();
    o.put("_id", itemId);
    if (copy.isObject()) {
      o.setAll((ObjectNode) copy);
    } else {
      o.set("value", copy);
    }
  }

  /** An image, shown as a thumbnail when it could be decoded. */
  public void image(String itemId, String name, int width, int height, BufferedImage decoded) {
    if (!wantsMore()) {
      return;
    }
    kind = "images";
    ObjectNode o = items.addObject();
    o.put("_id", itemId);
    o.put("name", name);
    o.put("width", width);
    o.put("height", height);
    if (decoded != null) {
      o.put("thumbnail", "data:image/png;base64," + thumbnail(decoded));
    }
  }

  public Preview build() {
    ObjectNode root = json.createObjectNode();
    root.put("kind", kind);
    root.set("items", items);
    try {
      return new Preview(MEDIA_TYPE, json.writeValueAsBytes(root), items.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String clean(String v) {
    String masked = masker.mask(v);
    return masked.length() <= MAX_TEXT ? masked : masked.substring(0, MAX_TEXT) + "…";
  }

  private JsonNode scrub(JsonNode node) {
    if (node.isTextual()) {
      return json.getNodeFactory().textNode(clean(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(scrub(e.getValue()));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, scrub(a.get(i)));
      }
      return a;
    }
    return node;
  }

  private static String thumbnail(BufferedImage src) {
    double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(src.getWidth(), src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(dst, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
