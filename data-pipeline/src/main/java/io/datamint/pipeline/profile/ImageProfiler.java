package io.datamint.pipeline.profile;

import io.datamint.domain.model.dataset.ImageStatistics;
import java.util.Optional;

/** Minimum, maximum and mean image sizes. */
public final class ImageProfiler {

  private long count;
  private int minW = Integer.MAX_VALUE;
  private int maxW;
  private int minH = Integer.MAX_VALUE;
  private int maxH;
  private double sumW;
  private double sumH;

  public void add(int width, int height) {
    count++;
    minW = Math.min(minW, width);
    maxW = Math.max(maxW, width);
    minH = Math.min(minH, height);
    maxH = Math.max(maxH, height);
    sumW += width;
    sumH += height;
  }

  public Optional<ImageStatistics> statistics() {
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ImageStatistics(
            count,
            minW,
            maxW,
            minH,
            maxH,
            Math.round(sumW / count * 10) / 10.0,
            Math.round(sumH / count * 10) / 10.0));
  }
}
