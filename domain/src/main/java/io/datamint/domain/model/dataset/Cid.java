package io.datamint.domain.model.dataset;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPFS content identifier in its canonical string form: CIDv0 ({@code Qm...}, base58btc) or
 * CIDv1 in lower-case base32 ({@code b...}), which is how Kubo prints them. The syntax is checked
 * here; whether the bytes behind a CID are the ones we sent is checked by the content store.
 */
public record Cid(String value) {

  private static final Pattern V0 = Pattern.compile("Qm[1-9A-HJ-NP-Za-km-z]{44}");
  private static final Pattern V1_BASE32 = Pattern.compile("b[a-z2-7]{40,200}");

  public Cid {
    Objects.requireNonNull(value, "CID must not be null");
    value = value.trim();
    if (!V0.matcher(value).matches() && !V1_BASE32.matcher(value).matches()) {
      throw new IllegalArgumentException("not a CID (CIDv0 base58 or CIDv1 base32): " + value);
    }
  }

  public static Cid of(String value) {
    return new Cid(value);
  }

  /** The {@code ipfs://} URI used in token metadata. */
  public String uri() {
    return "ipfs://" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
