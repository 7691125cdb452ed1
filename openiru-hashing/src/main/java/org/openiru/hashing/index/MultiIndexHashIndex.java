package org.openiru.hashing.index;

import java.util.List;
import org.openiru.hashing.Hash256;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, 2012) over 256-bit hashes, with exactly the
 * answers of a linear scan.
 *
 * <p>The hash is cut into 16 slots of 16 bits, and each slot has a {@link SlotTable} of all entries
 * bucketed by their value there. If an entry is within distance {@code d} of the query, its 16 slot
 * distances add up to at most {@code d}, so by pigeonhole at least one slot is within
 * {@code r = floor(d/16)}. A query therefore visits, in every slot, the buckets of all values within
 * {@code r} of the query's value there (17 buckets per slot at d = 31), and checks each entry found
 * by its full distance. An entry within {@code d} may sit in several of the visited buckets; it is
 * reported only from the first slot where it is within {@code r}, which needs no per-query set.
 *
 * <p>For {@code d >= 64} (r >= 4, over 2,500 buckets per slot) a linear scan is cheaper and is used.
 *
 * <p>Memory is about 100 bytes per entry: 40 for the hash and id, 64 for its number in 16 buckets
 * (10M entries: about 1.05 GB before JVM overhead). Adds and removes change the tables in place;
 * see {@link LockedIndex} for how they and queries are synchronised.
 */
public final class MultiIndexHashIndex extends LockedIndex {

    static final int SLOTS = 16;
    private static final int SCAN_FROM_DISTANCE = SLOTS * (Probes.MAX_RADIUS + 1);

    private final SlotTable[] slots = new SlotTable[SLOTS];

    public MultiIndexHashIndex() {
        this(new EntryStore());
        for (int s = 0; s < SLOTS; s++) {
            slots[s] = new SlotTable();
        }
    }

    private MultiIndexHashIndex(EntryStore store) {
        super(store);
    }

    /** Bulk loading: much faster than {@link #add} one by one, and buckets get no spare room. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries, then builds every bucket at its exact size. Single use; not thread-safe. */
    public static final class Builder {

        private EntryStore store = new EntryStore();

        private Builder() {}

        public Builder add(Hash256 hash, long id) {
            return add(hash.word(0), hash.word(1), hash.word(2), hash.word(3), id);
        }

        /** The hash as its words, lowest bits first (see {@link Hash256#ofWords}). */
        public Builder add(long w0, long w1, long w2, long w3, long id) {
            checkNotBuilt();
            store.add(w0, w1, w2, w3, id);
            return this;
        }

        public MultiIndexHashIndex build() {
            checkNotBuilt();
            EntryStore store = this.store;
            this.store = null; // the index owns it now
            MultiIndexHashIndex index = new MultiIndexHashIndex(store);
            int entries = store.highWater();
            int[] counts = new int[SlotTable.VALUES];
            for (int s = 0; s < SLOTS; s++) {
                java.util.Arrays.fill(counts, 0);
                for (int e = 0; e < entries; e++) {
                    counts[slotValue(store.word(e, s >>> 2), s)]++;
                }
                SlotTable table = new SlotTable();
                table.presize(counts);
                for (int e = 0; e < entries; e++) {
                    table.add(slotValue(store.word(e, s >>> 2), s), e);
                }
                index.slots[s] = table;
            }
            return index;
        }

        private void checkNotBuilt() {
            if (store == null) {
                throw new IllegalStateException("this builder has already built its index");
            }
        }
    }

    static int slotValue(long word, int slot) {
        return (int) (word >>> ((slot & 3) << 4)) & 0xFFFF;
    }

    @Override
    void addLocked(Hash256 hash, long id) {
        int e = store.add(hash.word(0), hash.word(1), hash.word(2), hash.word(3), id);
        for (int s = 0; s < SLOTS; s++) {
            slots[s].add(slotValue(hash.word(s >>> 2), s), e);
        }
    }

    @Override
    boolean removeLocked(Hash256 hash, long id) {
        int value0 = slotValue(hash.word(0), 0);
        int[] bucket = slots[0].bucket(value0);
        for (int i = 0, n = slots[0].size(value0); i < n; i++) {
            int e = bucket[i];
            if (store.holds(e, hash, id)) {
                for (int s = 0; s < SLOTS; s++) {
                    slots[s].remove(slotValue(hash.word(s >>> 2), s), e);
                }
                store.release(e);
                return true;
            }
        }
        return false;
    }

    @Override
    void queryLocked(Hash256 query, int maxDistance, List<Match> out) {
        if (maxDistance >= SCAN_FROM_DISTANCE) {
            store.scan(query, maxDistance, out);
        } else {
            probe(query, maxDistance, out);
        }
    }

    private void probe(Hash256 query, int maxDistance, List<Match> out) {
        long q0 = query.word(0), q1 = query.word(1), q2 = query.word(2), q3 = query.word(3);
        int radius = maxDistance / SLOTS;
        int probes = Probes.COUNT[radius];
        int[] querySlots = new int[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            querySlots[s] = slotValue(query.word(s >>> 2), s);
        }
        for (int s = 0; s < SLOTS; s++) {
            SlotTable table = slots[s];
            for (int p = 0; p < probes; p++) {
                int value = querySlots[s] ^ Probes.MASKS[p];
                int n = table.size(value);
                int[] bucket = table.bucket(value);
                for (int i = 0; i < n; i++) {
                    int e = bucket[i];
                    int d = store.distance(e, q0, q1, q2, q3);
                    if (d <= maxDistance && firstSlotWithin(e, s, radius, querySlots)) {
                        out.add(new Match(store.id(e), d));
                    }
                }
            }
        }
    }

    /** True if no slot before {@code slot} is within {@code radius}: only then is this the first find. */
    private boolean firstSlotWithin(int e, int slot, int radius, int[] querySlots) {
        for (int s = 0; s < slot; s++) {
            if (Integer.bitCount(slotValue(store.word(e, s >>> 2), s) ^ querySlots[s]) <= radius) {
                return false;
            }
        }
        return true;
    }
}
