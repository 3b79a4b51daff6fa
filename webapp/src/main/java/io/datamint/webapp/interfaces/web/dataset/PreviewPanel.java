package io.datamint.webapp.interfaces.web.dataset;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The public preview sample of a version, as the pipeline stored it on IPFS: a table of a few
 * records (personal data already masked) or a strip of image thumbnails.
 */
public class PreviewPanel extends Composite<Div> {

  private static final int MAX_COLUMNS = 12;

  public PreviewPanel(byte[] document) {
    Div content = getContent();
    content.setId("preview");
    content.setWidthFull();
    JsonObject preview;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(document))) {
      preview = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      content.add(new Paragraph("The preview could not be read."));
      return;
    }
    List<JsonObject> items =
        preview.getJsonArray("items").stream()
            .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
            .map(JsonValue::asJsonObject)
            .toList();
    if (items.isEmpty()) {
      content.add(new Paragraph("The preview is empty."));
    } else if ("images".equals(preview.getString("kind", "records"))) {
      content.add(thumbnails(items));
    } else {
      content.add(records(items));
    }
  }

  private static Component records(List<JsonObject> items) {
    Set<String> columns = new LinkedHashSet<>();
    items.forEach(o -> o.keySet().stream().filter(k -> !k.equals("_id")).forEach(columns::add));
    Grid<JsonObject> grid = new Grid<>();
    grid.setId("preview-records");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    columns.stream()
        .limit(MAX_COLUMNS)
        .forEach(
            column ->
                grid.addColumn(o -> text(o.get(column)))
                    .setHeader(column)
                    .setResizable(true)
                    .setAutoWidth(true));
    grid.setItems(items);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Component thumbnails(List<JsonObject> items) {
    Div strip = new Div();
    strip.setId("preview-images");
    strip.addClassNames(
        LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
    for (JsonObject item : items) {
      String name = item.getString("name", "");
      String caption = name + " · " + item.getInt("width", 0) + "×" + item.getInt("height", 0);
      Div tile = new Div();
      tile.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
      String thumbnail = item.getString("thumbnail", null);
      if (thumbnail != null && thumbnail.startsWith("data:image/png;base64,")) {
        Image image = new Image(thumbnail, name);
        image.setMaxWidth("128px");
        tile.add(image);
      } else {
        tile.add(new Span("(not decodable)"));
      }
      Span label = new Span(caption);
      label.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
      tile.add(label);
      strip.add(tile);
    }
    return strip;
  }

  private static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }
}
