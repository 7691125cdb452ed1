package org.openiru.hashing.index;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Entries (four hash words and an id) in primitive arrays, addressed by an int entry number.
 *
 * <p>Storage grows in pages of {@value #PAGE_SIZE} entries, so growing never copies what is
 * already stored (at 10M entries a copy would briefly need twice the 400 MB). Pages are kept under
 * 512 KB: larger arrays are "humongous" in G1 with a 2 GB heap and fill whole 1 MB regions, which
 * wasted 230 MB at 10M entries with 2 MB pages. The four words of an entry are adjacent, so checking
 * a candidate costs one cache miss.
 *
 * <p>Entry numbers are handed out in order and never reused, and an entry's words never change: a
 * removed entry only loses its live bit. That lets {@link MultiIndexHashIndex} describe what a slot
 * table holds by one number (every entry below it that was live when the table was built), and lets
 * a merge thread read entries below a high-water mark through {@link #wordPages} taken under the
 * lock while writers append. Otherwise not synchronised: the indexes guard the store with their lock.
 */
final class EntryStore {

    static final int PAGE_BITS = 13;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private long[][] wordPages = new long[0][];
    private long[][] idPages = new long[0][];
    private long[][] livePages = new long[0][];
    private int highWater;
    private int size;

    int add(long w0, long w1, long w2, long w3, long id) {
        if (highWater == Integer.MAX_VALUE) {
            throw new IllegalStateException("the index is full: " + highWater + " entries added");
        }
        int e = highWater;
        int page = e >>> PAGE_BITS;
        if (page == wordPages.length) {
            wordPages = Arrays.copyOf(wordPages, page + 1);
            wordPages[page] = new long[PAGE_SIZE * 4];
            idPages = Arrays.copyOf(idPages, page + 1);
            idPages[page] = new long[PAGE_SIZE];
            livePages = Arrays.copyOf(livePages, page + 1);
            livePages[page] = new long[PAGE_SIZE / 64];
        }
        long[] words = wordPages[page];
        int w = (e & PAGE_MASK) * 4;
        words[w] = w0;
        words[w + 1] = w1;
        words[w + 2] = w2;
        words[w + 3] = w3;
        idPages[page][e & PAGE_MASK] = id;
        livePages[page][(e & PAGE_MASK) >>> 6] |= 1L << e;
        highWater++;
        size++;
        return e;
    }

    /** Marks a live entry removed; its number is not reused. */
    void release(int e) {
        livePages[e >>> PAGE_BITS][(e & PAGE_MASK) >>> 6] &= ~(1L << e);
        size--;
    }

    int size() {
        return size;
    }

    /** One more than the highest entry number ever used. */
    int highWater() {
        return highWater;
    }

    boolean isLive(int e) {
        return (livePages[e >>> PAGE_BITS][(e & PAGE_MASK) >>> 6] & (1L << e)) != 0;
    }

    /** The live bits of entries {@code 0 .. end)}, copied: bit {@code e & 63} of word {@code e >>> 6}. */
    long[] liveBits(int end) {
        long[] bits = new long[(end + 63) >>> 6];
        for (int page = 0; ((long) page << PAGE_BITS) < end; page++) {
            int words = Math.min(PAGE_SIZE / 64, bits.length - (page << (PAGE_BITS - 6)));
            System.arraycopy(livePages[page], 0, bits, page << (PAGE_BITS - 6), words);
        }
        if ((end & 63) != 0) {
            bits[bits.length - 1] &= (1L << end) - 1; // entries added after end are not in the copy
        }
        return bits;
    }

    long id(int e) {
        return idPages[e >>> PAGE_BITS][e & PAGE_MASK];
    }

    long word(int e, int i) {
        return wordPages[e >>> PAGE_BITS][(e & PAGE_MASK) * 4 + i];
    }

    /**
     * The page directory as it is now. It stays valid for every entry below the current high-water
     * mark: growing replaces the directory, not the pages, and stored words never change.
     */
    long[][] wordPages() {
        return wordPages;
    }

    /** The value in slot {@code slot} of entry {@code e}, given a {@link #wordPages} directory. */
    static int slotValue(long[][] wordPages, int e, int slot) {
        return Slots.value(wordPages[e >>> PAGE_BITS], (e & PAGE_MASK) * 4, slot);
    }

    int slotValue(int e, int slot) {
        return slotValue(wordPages, e, slot);
    }

    int distance(int e, long[] q) {
        long[] words = wordPages[e >>> PAGE_BITS];
        int w = (e & PAGE_MASK) * 4;
        return Long.bitCount(words[w] ^ q[0]) + Long.bitCount(words[w + 1] ^ q[1])
                + Long.bitCount(words[w + 2] ^ q[2]) + Long.bitCount(words[w + 3] ^ q[3]);
    }

    /** Passes every live entry numbered {@code from} or above within {@code maxDistance} of {@code q}. */
    void scan(long[] q, int maxDistance, int from, IntConsumer found) {
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        for (int e = from; e < highWater; ) {
            int page = e >>> PAGE_BITS;
            long[] words = wordPages[page];
            int end = (int) Math.min((long) (page + 1) << PAGE_BITS, highWater);
            for (; e < end; e++) {
                int w = (e & PAGE_MASK) * 4;
                int d = Long.bitCount(words[w] ^ q0) + Long.bitCount(words[w + 1] ^ q1)
                        + Long.bitCount(words[w + 2] ^ q2) + Long.bitCount(words[w + 3] ^ q3);
                if (d <= maxDistance && isLive(e)) {
                    found.accept(e);
                }
            }
        }
    }
}
