/**
 * Format readers (CSV/TSV, JSON Lines, JSON arrays, images, ZIP archives of images or text) that
 * stream records into the profiler and items into the item sink, and stop at the first bad record
 * with a {@link io.datamint.pipeline.read.BadInputException} naming the line or entry.
 */
package io.datamint.pipeline.read;
