package org.openiru.hashing.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openiru.hashing.Hash256;

/**
 * The locking and result ordering shared by the indexes: changes under the write lock of a
 * read-write lock, queries under its read lock, so queries run in parallel and see every completed
 * change. (A waiting writer blocks new readers, so writes are not starved by a stream of queries.)
 */
abstract class LockedIndex implements HashIndex {

    final EntryStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    LockedIndex(EntryStore store) {
        this.store = store;
    }

    abstract void addLocked(Hash256 hash, long id);

    abstract boolean removeLocked(Hash256 hash, long id);

    /** Adds every entry within {@code maxDistance} to {@code out}, each once, in any order. */
    abstract void queryLocked(Hash256 query, int maxDistance, List<Match> out);

    @Override
    public final void add(Hash256 hash, long id) {
        lock.writeLock().lock();
        try {
            addLocked(hash, id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final boolean remove(Hash256 hash, long id) {
        lock.writeLock().lock();
        try {
            return removeLocked(hash, id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public final List<Match> query(Hash256 query, int maxDistance) {
        HashIndex.checkDistance(maxDistance);
        List<Match> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            queryLocked(query, maxDistance, out);
        } finally {
            lock.readLock().unlock();
        }
        out.sort(Match.ORDER);
        return out;
    }

    @Override
    public final int size() {
        lock.readLock().lock();
        try {
            return store.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
