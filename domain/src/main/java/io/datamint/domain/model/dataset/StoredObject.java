package io.datamint.domain.model.dataset;

import java.util.Objects;

/** Bytes the content store holds and pins: their CID and size as stored. */
public record StoredObject(Cid cid, long size) {

  public StoredObject {
    Objects.requireNonNull(cid, "cid must not be null");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}
