/**
 * The scoring command line ({@code ./datamint score}): reads annotations (and gold) from CSV,
 * scores them with the batch scorer and writes items, annotations and workers CSVs. Input errors
 * stop it with the line number. The web application reads uploaded crowd labels with the same
 * reader and serves results with the same writer, so both accept and produce the same files.
 */
package io.datamint.validation.cli;
