package org.openiru.hashing.index;

import java.util.function.IntConsumer;

/** Compares the query with every entry. The reference answer for tests, and a baseline for benchmarks. */
public final class BruteForceIndex extends LockedIndex {

    public BruteForceIndex() {
        super(new EntryStore());
    }

    @Override
    void search(long[] q, int maxDistance, IntConsumer found) {
        store.scan(q, maxDistance, 0, found);
    }
}
