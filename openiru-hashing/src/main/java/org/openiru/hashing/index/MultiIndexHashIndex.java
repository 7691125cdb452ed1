package org.openiru.hashing.index;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.openiru.hashing.Hash256;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, 2012) over 256-bit hashes, with exactly the
 * answers of a linear scan.
 *
 * <p><b>Search.</b> The hash is cut into 11 slots of 23-24 bits ({@link Slots}), each with a
 * {@link SlotTable} of entry numbers bucketed by the slot value. An entry farther than radius
 * {@code r[s]} from the query in every slot is at least {@code sum(r[s] + 1) = d + 1} away in all
 * (pigeonhole, {@link Slots#radii}), so every entry within {@code d} is in a bucket within its
 * slot's radius, and a query visits exactly those buckets (at d = 31: about 3,000) and checks each
 * entry found by its full distance. An entry may sit in several visited buckets; it is reported only
 * from the first slot whose table holds it and where it is within the radius, which needs no
 * per-query set. The probes of a slot are done in three passes (bucket bounds, entry numbers,
 * distances) so that the cache misses of each pass are independent and overlap.
 * For {@code d >= 44} (radius 4: 10,000 values per slot) a linear scan is cheaper and is used.
 *
 * <p><b>Updates: a base plus a small log, merged in the background.</b> The tables are immutable
 * arrays; entries are appended to the {@link EntryStore}, and a table holds the entries numbered
 * below its {@link SlotTable#cover} that were live when it was built. Entries at or above the
 * lowest cover (the delta: recent adds) are found by a linear scan that reports an entry only if
 * no table holding it would, and a removal clears the entry's live bit, which every query checks. So
 * an add or remove is an append or a bit flip under the write lock and is seen by the next query.
 * When the delta (or the number of removals since the last merge) passes {@code deltaLimit}, a
 * background thread rebuilds the tables one slot at a time from the store, outside the lock, and
 * swaps each in under the write lock (a pointer store); rebuilding one slot at a time keeps the
 * extra memory to one table (about 100 MB at 10M entries) instead of a second index, and queries
 * stay exact in between because each table carries its own cover. Removed entries leave the tables
 * at the next merge; their 40 bytes in the store are not reused (entry numbers must stay stable for
 * the covers to mean something), which costs little while removals are rare, as they are for hash
 * banks.
 *
 * <p><b>Memory</b> at 10M entries: 400 MB of hashes and ids, 470 MB of bucket offsets, 440 MB of
 * bucket entries: about 1.3 GB. Queries, adds and removes are synchronised by {@link LockedIndex}.
 */
public final class MultiIndexHashIndex extends LockedIndex {

    /** Delta size that starts a merge: scanning it costs a query about as much as 1% of its probes. */
    static final int DEFAULT_DELTA_LIMIT = 16_384;
    private static final int SCAN_FROM_DISTANCE = Slots.COUNT * (Probes.MAX_RADIUS + 1);

    /** Replaced one by one under the write lock. */
    private final SlotTable[] tables = new SlotTable[Slots.COUNT];
    private final int deltaLimit;
    private int removedSinceMerge;
    private boolean merging;

    public MultiIndexHashIndex() {
        this(DEFAULT_DELTA_LIMIT);
    }

    /** An empty index that merges its delta once it exceeds {@code deltaLimit} entries. */
    MultiIndexHashIndex(int deltaLimit) {
        this(new EntryStore(), deltaLimit);
    }

    private MultiIndexHashIndex(EntryStore store, int deltaLimit) {
        super(store);
        this.deltaLimit = deltaLimit;
        int cover = store.highWater();
        long[] live = store.liveBits(cover);
        long[][] pages = store.wordPages();
        // Slots are independent: build them on all cores.
        IntStream.range(0, Slots.COUNT).parallel()
                .forEach(s -> tables[s] = SlotTable.build(pages, s, cover, live));
    }

    /** Bulk loading: one pass per slot over all entries, with no delta to merge afterwards. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries, then builds every table at once. Single use; not thread-safe. */
    public static final class Builder {

        private EntryStore store = new EntryStore();
        private int deltaLimit = DEFAULT_DELTA_LIMIT;

        private Builder() {}

        /** For tests: merge after a few changes instead of thousands. */
        Builder deltaLimit(int limit) {
            deltaLimit = limit;
            return this;
        }

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
            return new MultiIndexHashIndex(store, deltaLimit);
        }

        private void checkNotBuilt() {
            if (store == null) {
                throw new IllegalStateException("this builder has already built its index");
            }
        }
    }

    @Override
    void addLocked(Hash256 hash, long id) {
        super.addLocked(hash, id);
        mergeIfDue();
    }

    @Override
    void removed(int e) {
        removedSinceMerge++;
        mergeIfDue();
    }

    @Override
    void search(long[] q, int maxDistance, IntConsumer found) {
        if (maxDistance >= SCAN_FROM_DISTANCE) {
            store.scan(q, maxDistance, 0, found);
        } else {
            probe(q, maxDistance, found);
        }
    }

    /** {@link #search} for distances up to 43, through the tables and the delta. */
    private void probe(long[] q, int maxDistance, IntConsumer found) {
        int[] radii = Slots.radii(maxDistance);
        int[] values = new int[Slots.COUNT];
        int[] covers = new int[Slots.COUNT];
        for (int s = 0; s < Slots.COUNT; s++) {
            values[s] = Slots.value(q, 0, s);
            covers[s] = tables[s].cover;
        }
        for (int s = 0; s < Slots.COUNT; s++) {
            if (radii[s] < 0) {
                continue;
            }
            int[] candidates = candidates(tables[s], values[s], radii[s]);
            for (int e : candidates) {
                if (store.distance(e, q) <= maxDistance && store.isLive(e)
                        && within(e, s, values, radii) && !heldWithinBefore(e, s, values, radii, covers)) {
                    found.accept(e);
                }
            }
        }
        store.scan(q, maxDistance, lowestCover(), e -> {
            if (!heldWithinBefore(e, Slots.COUNT, values, radii, covers)) {
                found.accept(e);
            }
        });
    }

    /** The entries in the table's buckets within {@code radius} of the key of {@code value}. */
    private static int[] candidates(SlotTable table, int value, int radius) {
        int[] offsets = table.offsets;
        int key = value & ((1 << table.keyBits) - 1);
        int[] masks = Probes.masks(table.keyBits);
        int probes = Probes.count(table.keyBits, radius);
        // First all bucket bounds, then all entry numbers: the loads within each loop do not depend
        // on each other, so the processor overlaps their cache misses.
        int[] starts = new int[probes];
        int[] ends = new int[probes];
        int total = 0;
        for (int p = 0; p < probes; p++) {
            int k = key ^ masks[p];
            starts[p] = offsets[k];
            ends[p] = offsets[k + 1];
            total += ends[p] - starts[p];
        }
        int[] candidates = new int[total];
        for (int p = 0, n = 0; p < probes; p++) {
            int length = ends[p] - starts[p];
            System.arraycopy(table.entries, starts[p], candidates, n, length);
            n += length;
        }
        return candidates;
    }

    private boolean within(int e, int slot, int[] values, int[] radii) {
        return Integer.bitCount(store.slotValue(e, slot) ^ values[slot]) <= radii[slot];
    }

    /** True if a table before {@code slot} holds entry {@code e} and finds it: it is reported there. */
    private boolean heldWithinBefore(int e, int slot, int[] values, int[] radii, int[] covers) {
        for (int s = 0; s < slot; s++) {
            if (covers[s] > e && within(e, s, values, radii)) {
                return true;
            }
        }
        return false;
    }

    // ---- merging the delta into the tables

    /** Under the write lock: starts a background merge if the delta or the removals have grown. */
    private void mergeIfDue() {
        if (!merging && mergeDue()) {
            merging = true;
            Thread thread = new Thread(this::mergeInBackground, "hash-index-merge");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private boolean mergeDue() {
        return store.highWater() - lowestCover() + removedSinceMerge > deltaLimit;
    }

    private int lowestCover() {
        int cover = Integer.MAX_VALUE;
        for (SlotTable t : tables) {
            cover = Math.min(cover, t.cover);
        }
        return cover;
    }

    private void mergeInBackground() {
        boolean[] again = {true};
        try {
            while (again[0]) {
                merge();
                writeLocked(() -> again[0] = merging = mergeDue());
            }
        } finally {
            if (again[0]) { // failed: let a later change try again
                writeLocked(() -> merging = false);
            }
        }
    }

    /** Rebuilds every table from the store. Package-private so tests can merge synchronously. */
    void merge() {
        writeLocked(() -> removedSinceMerge = 0);
        for (int s = 0; s < Slots.COUNT; s++) {
            rebuild(s);
        }
    }

    /** Rebuilds one table outside the lock and swaps it in; tests use it to stop between slots. */
    void rebuild(int slot) {
        Snapshot now = readLocked(() -> new Snapshot(
                store.highWater(), store.liveBits(store.highWater()), store.wordPages()));
        SlotTable table = SlotTable.build(now.pages(), slot, now.cover(), now.live());
        writeLocked(() -> tables[slot] = table);
    }

    /** What a merge may read outside the lock. */
    private record Snapshot(int cover, long[] live, long[][] pages) {}
}
