package org.openiru.hashing.index;

/**
 * How {@link MultiIndexHashIndex} cuts a 256-bit hash into {@value #COUNT} slots: three of 24 bits,
 * then eight of 23, consecutive from bit 0 of word 0.
 *
 * <p>Why 11: a query at distance {@code d} must visit, in each slot, every value within that slot's
 * radius, and the radii must satisfy {@code sum(r + 1) >= d + 1} (see {@link #radii}). At d = 31,
 * 11 slots need radius 2 (1 + b + b(b-1)/2 values: 277 to 301), and at 10M entries a 23-24 bit
 * value holds 0.6-1.2 entries, so a query checks about 3,000 buckets and 3,000 candidates. With 16
 * slots of 16 bits (radius 1) the buckets hold 150 entries each: 41,000 candidates; with 8 slots
 * of 32 bits, radius 3 means 5,500 values per slot. 11 balances the two costs.
 */
final class Slots {

    static final int COUNT = 11;
    static final int MAX_BITS = 24;
    private static final int[] BITS = {24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23};
    private static final int[] START = new int[COUNT];

    static {
        for (int s = 1; s < COUNT; s++) {
            START[s] = START[s - 1] + BITS[s - 1];
        }
    }

    private Slots() {}

    static int bits(int slot) {
        return BITS[slot];
    }

    /** The slot's value in the four words {@code words[base .. base+4)}, lowest bits first. */
    static int value(long[] words, int base, int slot) {
        int start = START[slot];
        int shift = start & 63;
        int i = base + (start >>> 6);
        long v = words[i] >>> shift;
        if (shift + BITS[slot] > 64) {
            v |= words[i + 1] << (64 - shift);
        }
        return (int) v & ((1 << BITS[slot]) - 1);
    }

    /**
     * Per-slot search radii for distance {@code d}, -1 for a slot that need not be searched. An entry
     * farther than {@code r[s]} from the query in every slot is at least {@code sum(r[s] + 1)} away
     * in all, so {@code sum(r[s] + 1) = d + 1} guarantees that every entry within {@code d} is within
     * the radius of at least one slot. Each slot gets {@code floor(d / 11)}, and the surplus over
     * {@code d + 1} is taken off the 23-bit slots at the end, whose radius shells cost most (more
     * entries per value). At d = 31: one slot at radius 1, ten at radius 2; at d = 0 only slot 0.
     */
    static int[] radii(int d) {
        int[] radii = new int[COUNT];
        java.util.Arrays.fill(radii, d / COUNT);
        int surplus = COUNT * (d / COUNT + 1) - (d + 1);
        for (int s = COUNT - 1; surplus > 0; s--, surplus--) {
            radii[s]--;
        }
        return radii;
    }
}
