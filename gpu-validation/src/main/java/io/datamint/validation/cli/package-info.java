/**
 * The scoring command line ({@code ./datamint score}): reads annotations (and gold) from CSV,
 * scores them with the batch scorer and writes items, annotations and workers CSVs. Input errors
 * stop it with the line number.
 */
package io.datamint.validation.cli;
