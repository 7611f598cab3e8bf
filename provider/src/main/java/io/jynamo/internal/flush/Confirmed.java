package io.jynamo.internal.flush;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The writes of one flush that DynamoDB confirmed, by identity. Every write of a successful flush is added, and
 * only a failed flush asks which ones are in: so adding is appending, and the identity set is made at the first
 * question (hashing each write while the flush runs cost more than the rest of its bookkeeping).
 */
final class Confirmed extends AbstractSet<Write> {

    private final List<Write> writes;
    private Set<Write> lookup;

    /** @param expected how many writes the flush sends (all of them are usually confirmed) */
    Confirmed(int expected) {
        writes = new ArrayList<>(expected);
    }

    /** Adds a write; each write is confirmed once. */
    @Override
    public boolean add(Write w) {
        writes.add(w);
        lookup = null;
        return true;
    }

    @Override
    public boolean contains(Object o) {
        if (lookup == null) {
            lookup = Collections.newSetFromMap(new IdentityHashMap<>());
            lookup.addAll(writes);
        }
        return lookup.contains(o);
    }

    @Override
    public Iterator<Write> iterator() {
        return Collections.unmodifiableList(writes).iterator();
    }

    @Override
    public int size() {
        return writes.size();
    }
}
