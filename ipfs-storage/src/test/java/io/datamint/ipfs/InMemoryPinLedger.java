package io.datamint.ipfs;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.PinLedger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The ledger as a map, for tests; the product's is a database table (see the README). */
final class InMemoryPinLedger implements PinLedger {

  enum State {
    REQUESTED,
    CONFIRMED
  }

  final Map<Cid, Map<String, State>> records = new HashMap<>();

  @Override
  public synchronized void pinRequested(Cid cid, String reference) {
    records.computeIfAbsent(cid, c -> new HashMap<>()).put(reference, State.REQUESTED);
  }

  @Override
  public synchronized void pinConfirmed(Cid cid, String reference) {
    records.computeIfAbsent(cid, c -> new HashMap<>()).put(reference, State.CONFIRMED);
  }

  @Override
  public synchronized int released(Cid cid, String reference) {
    Map<String, State> refs = records.get(cid);
    if (refs == null) {
      return 0;
    }
    refs.remove(reference);
    if (refs.isEmpty()) {
      records.remove(cid);
    }
    return refs.size();
  }

  @Override
  public synchronized Set<Cid> heldCids() {
    return new LinkedHashSet<>(records.keySet());
  }

  synchronized State state(Cid cid, String reference) {
    Map<String, State> refs = records.get(cid);
    return refs == null ? null : refs.get(reference);
  }
}
