/**
 * Profiling: type inference per column, missing and distinct counts, label distribution, image
 * sizes, and the public preview sample, fed one record at a time by the readers.
 */
package io.datamint.pipeline.profile;
