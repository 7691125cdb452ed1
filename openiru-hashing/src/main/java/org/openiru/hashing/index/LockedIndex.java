package org.openiru.hashing.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.openiru.hashing.Hash256;

/**
 * What the indexes share: the {@link EntryStore}, the locking, removal and result ordering. Changes
 * run under the write lock of a read-write lock, queries under its read lock, so queries run in
 * parallel and see every completed change. (A waiting writer blocks new readers, so writes are not
 * starved by a stream of queries.)
 */
abstract class LockedIndex implements HashIndex {

    final EntryStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    LockedIndex(EntryStore store) {
        this.store = store;
    }

    /** Under the write lock. */
    void addLocked(Hash256 hash, long id) {
        store.add(hash.word(0), hash.word(1), hash.word(2), hash.word(3), id);
    }

    /** Under the write lock, after entry {@code e} was removed. */
    void removed(int e) {}

    /** Under a lock: passes every live entry within {@code maxDistance} of {@code q}, each once. */
    abstract void search(long[] q, int maxDistance, IntConsumer found);

    @Override
    public final void add(Hash256 hash, long id) {
        writeLocked(() -> addLocked(hash, id));
    }

    @Override
    public final boolean remove(Hash256 hash, long id) {
        int[] entry = {-1};
        writeLocked(() -> {
            search(words(hash), 0, e -> {
                if (entry[0] < 0 && store.id(e) == id) {
                    entry[0] = e;
                }
            });
            if (entry[0] >= 0) {
                store.release(entry[0]);
                removed(entry[0]);
            }
        });
        return entry[0] >= 0;
    }

    @Override
    public final List<Match> query(Hash256 query, int maxDistance) {
        HashIndex.checkDistance(maxDistance);
        long[] q = words(query);
        List<Match> out = readLocked(() -> {
            List<Match> found = new ArrayList<>();
            search(q, maxDistance, e -> found.add(new Match(store.id(e), store.distance(e, q))));
            return found;
        });
        out.sort(Match.ORDER);
        return out;
    }

    @Override
    public final int size() {
        return readLocked(store::size);
    }

    private static long[] words(Hash256 hash) {
        return new long[] {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
    }

    final void writeLocked(Runnable action) {
        lock.writeLock().lock();
        try {
            action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    final <T> T readLocked(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
