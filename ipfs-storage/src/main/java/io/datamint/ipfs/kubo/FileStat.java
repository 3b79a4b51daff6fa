package io.datamint.ipfs.kubo;

/** {@code files/stat} of a CID: the file's size, the size of its whole DAG, and its UnixFS type. */
public record FileStat(long size, long cumulativeSize, int blocks, String type) {}
