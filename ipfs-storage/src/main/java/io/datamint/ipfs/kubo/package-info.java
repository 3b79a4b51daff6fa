/**
 * A thin client for Kubo's RPC API ({@code /api/v0/...}, POST only) on {@code java.net.http}:
 * streamed multipart add with progress and CID verification, cat, pins, stats and health, with
 * timeouts, retries with backoff for idempotent calls, and errors that say what to do.
 */
package io.datamint.ipfs.kubo;
