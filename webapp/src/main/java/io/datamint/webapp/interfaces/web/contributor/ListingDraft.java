package io.datamint.webapp.interfaces.web.contributor;

import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.Tag;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the publish form edits; becomes the use case's {@link Listing} when it is valid. */
public class ListingDraft {

  private String title = "";
  private String description = "";
  private String license = "CC-BY-4.0";
  private String tags = "";

  /**
   * @throws IllegalArgumentException naming the first field that is not valid
   */
  public Listing toListing() {
    return new Listing(title, description, SpdxLicense.of(license), parseTags(tags));
  }

  /** Tags typed as "nlp, sentiment analysis" become {@code nlp} and {@code sentiment-analysis}. */
  static Set<Tag> parseTags(String text) {
    Set<Tag> parsed = new LinkedHashSet<>();
    Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .map(Tag::new)
        .forEach(parsed::add);
    return parsed;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description == null ? "" : description;
  }

  public String getLicense() {
    return license;
  }

  public void setLicense(String license) {
    this.license = license == null ? "" : license;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags == null ? "" : tags;
  }
}
