/**
 * Export writers: turn a tabular version's decrypted content (CSV, TSV, JSON Lines, JSON array)
 * into JSON Lines or CSV for a buyer, streaming, optionally with each item's consensus label.
 */
package io.datamint.pipeline.export;
