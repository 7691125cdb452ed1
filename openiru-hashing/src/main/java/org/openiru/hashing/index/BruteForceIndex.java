package org.openiru.hashing.index;

import java.util.List;
import org.openiru.hashing.Hash256;

/** Compares the query with every entry. The reference answer for tests, and a baseline for benchmarks. */
public final class BruteForceIndex extends LockedIndex {

    public BruteForceIndex() {
        super(new EntryStore());
    }

    @Override
    void addLocked(Hash256 hash, long id) {
        store.add(hash.word(0), hash.word(1), hash.word(2), hash.word(3), id);
    }

    @Override
    boolean removeLocked(Hash256 hash, long id) {
        for (int e = 0; e < store.highWater(); e++) {
            if (store.isLive(e) && store.holds(e, hash, id)) {
                store.release(e);
                return true;
            }
        }
        return false;
    }

    @Override
    void queryLocked(Hash256 query, int maxDistance, List<Match> out) {
        store.scan(query, maxDistance, out);
    }
}
