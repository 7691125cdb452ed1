package org.openiru.hashing.index;

import java.util.Arrays;
import java.util.List;
import org.openiru.hashing.Hash256;

/**
 * Entries (four hash words and an id) in primitive arrays, addressed by an int entry number.
 *
 * <p>Storage grows in pages of {@value #PAGE_SIZE} entries, so growing never copies what is
 * already stored (at 10M entries a copy would briefly need twice the 400 MB). The four words of an
 * entry are adjacent, so checking a candidate costs one cache miss. Numbers of removed entries are
 * reused. Not synchronised: the indexes guard it with their lock.
 */
final class EntryStore {

    static final int PAGE_BITS = 16;
    static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private long[][] wordPages = new long[0][];
    private long[][] idPages = new long[0][];
    private long[] live = new long[0];
    private int[] free = new int[16];
    private int freeCount;
    private int highWater;
    private int size;

    int add(long w0, long w1, long w2, long w3, long id) {
        int e = freeCount > 0 ? free[--freeCount] : highWater++;
        int page = e >>> PAGE_BITS;
        if (page == wordPages.length) {
            wordPages = Arrays.copyOf(wordPages, page + 1);
            wordPages[page] = new long[PAGE_SIZE * 4];
            idPages = Arrays.copyOf(idPages, page + 1);
            idPages[page] = new long[PAGE_SIZE];
            live = Arrays.copyOf(live, (page + 1) * PAGE_SIZE / 64);
        }
        long[] words = wordPages[page];
        int w = (e & PAGE_MASK) * 4;
        words[w] = w0;
        words[w + 1] = w1;
        words[w + 2] = w2;
        words[w + 3] = w3;
        idPages[page][e & PAGE_MASK] = id;
        live[e >>> 6] |= 1L << e;
        size++;
        return e;
    }

    void release(int e) {
        live[e >>> 6] &= ~(1L << e);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = e;
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
        return (live[e >>> 6] & (1L << e)) != 0;
    }

    long id(int e) {
        return idPages[e >>> PAGE_BITS][e & PAGE_MASK];
    }

    long word(int e, int i) {
        return wordPages[e >>> PAGE_BITS][(e & PAGE_MASK) * 4 + i];
    }

    boolean holds(int e, Hash256 hash, long id) {
        return id(e) == id
                && word(e, 0) == hash.word(0) && word(e, 1) == hash.word(1)
                && word(e, 2) == hash.word(2) && word(e, 3) == hash.word(3);
    }

    int distance(int e, long q0, long q1, long q2, long q3) {
        long[] words = wordPages[e >>> PAGE_BITS];
        int w = (e & PAGE_MASK) * 4;
        return Long.bitCount(words[w] ^ q0) + Long.bitCount(words[w + 1] ^ q1)
                + Long.bitCount(words[w + 2] ^ q2) + Long.bitCount(words[w + 3] ^ q3);
    }

    /** Adds every live entry within {@code maxDistance} of the query to {@code out}. */
    void scan(Hash256 query, int maxDistance, List<Match> out) {
        long q0 = query.word(0), q1 = query.word(1), q2 = query.word(2), q3 = query.word(3);
        for (int page = 0; page < wordPages.length; page++) {
            long[] words = wordPages[page];
            int base = page << PAGE_BITS;
            int end = Math.min(PAGE_SIZE, highWater - base);
            for (int i = 0; i < end; i++) {
                int w = i * 4;
                int d = Long.bitCount(words[w] ^ q0) + Long.bitCount(words[w + 1] ^ q1)
                        + Long.bitCount(words[w + 2] ^ q2) + Long.bitCount(words[w + 3] ^ q3);
                if (d <= maxDistance && isLive(base + i)) {
                    out.add(new Match(id(base + i), d));
                }
            }
        }
    }
}
