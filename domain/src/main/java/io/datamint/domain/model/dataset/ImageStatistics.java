package io.datamint.domain.model.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Sizes of the images in a version, for the dataset card and for choosing an embedding model. */
@Embeddable
public class ImageStatistics {

  @Column(name = "image_count")
  private long count;

  @Column(name = "image_min_width")
  private int minWidth;

  @Column(name = "image_max_width")
  private int maxWidth;

  @Column(name = "image_min_height")
  private int minHeight;

  @Column(name = "image_max_height")
  private int maxHeight;

  @Column(name = "image_mean_width")
  private double meanWidth;

  @Column(name = "image_mean_height")
  private double meanHeight;

  protected ImageStatistics() {
    // for JPA
  }

  public ImageStatistics(
      long count,
      int minWidth,
      int maxWidth,
      int minHeight,
      int maxHeight,
      double meanWidth,
      double meanHeight) {
    if (count <= 0
        || minWidth <= 0
        || minHeight <= 0
        || maxWidth < minWidth
        || maxHeight < minHeight) {
      throw new IllegalArgumentException("image statistics need at least one image with a size");
    }
    this.count = count;
    this.minWidth = minWidth;
    this.maxWidth = maxWidth;
    this.minHeight = minHeight;
    this.maxHeight = maxHeight;
    this.meanWidth = meanWidth;
    this.meanHeight = meanHeight;
  }

  public long count() {
    return count;
  }

  public int minWidth() {
    return minWidth;
  }

  public int maxWidth() {
    return maxWidth;
  }

  public int minHeight() {
    return minHeight;
  }

  public int maxHeight() {
    return maxHeight;
  }

  public double meanWidth() {
    return meanWidth;
  }

  public double meanHeight() {
    return meanHeight;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageStatistics s
        && count == s.count
        && minWidth == s.minWidth
        && maxWidth == s.maxWidth
        && minHeight == s.minHeight
        && maxHeight == s.maxHeight
        && Double.compare(meanWidth, s.meanWidth) == 0
        && Double.compare(meanHeight, s.meanHeight) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, minWidth, maxWidth, minHeight, maxHeight, meanWidth, meanHeight);
  }

  @Override
  public String toString() {
    return count + " images, " + minWidth + "-" + maxWidth + " x " + minHeight + "-" + maxHeight;
  }
}
