/**
 * Local CID computation, byte for byte the way Kubo's importer builds a file (UnixFS, balanced
 * layout, raw leaves, CIDv1, sha2-256, fixed-size chunks), so that the CID Kubo reports after an
 * add can be checked against the bytes that were actually sent.
 */
package io.datamint.ipfs.unixfs;
