/**
 * Inspection of an uploaded file: size limits, format detection with Apache Tika checked against
 * the file name, text-encoding validation, and dispatch to the format readers. {@link
 * io.datamint.pipeline.inspect.TikaInspector} is the domain's {@code DatasetInspector}.
 */
package io.datamint.pipeline.inspect;
