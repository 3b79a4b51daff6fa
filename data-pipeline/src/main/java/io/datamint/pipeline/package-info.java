/**
 * The data pipeline: turns an uploaded file into items, a manifest and a preview ({@code inspect},
 * {@code read}, {@code profile}, {@code pii}), encrypts content for storage ({@code crypto}) and
 * writes exports for buyers ({@code export}). Depends on the domain's ports only; no web, database
 * or IPFS types.
 */
package io.datamint.pipeline;
