package io.datamint.ipfs.kubo;

import io.datamint.domain.model.dataset.Cid;

/** What an add stored: the CID (checked against the bytes sent) and the number of bytes sent. */
public record AddResult(Cid cid, long bytes) {}
