package org.openiru.hashing.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openiru.hashing.Hash256;

/** Compares the query with every entry. The reference answer for tests, and a baseline for benchmarks. */
public final class BruteForceIndex implements HashIndex {

    private final EntryStore store = new EntryStore();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public void add(Hash256 hash, long id) {
        lock.writeLock().lock();
        try {
            store.add(hash.word(0), hash.word(1), hash.word(2), hash.word(3), id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(Hash256 hash, long id) {
        lock.writeLock().lock();
        try {
            for (int e = 0; e < store.highWater(); e++) {
                if (store.isLive(e) && store.holds(e, hash, id)) {
                    store.release(e);
                    return true;
                }
            }
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<Match> query(Hash256 query, int maxDistance) {
        HashIndex.checkDistance(maxDistance);
        List<Match> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            store.scan(query, maxDistance, out);
        } finally {
            lock.readLock().unlock();
        }
        out.sort(Match.ORDER);
        return out;
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return store.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
