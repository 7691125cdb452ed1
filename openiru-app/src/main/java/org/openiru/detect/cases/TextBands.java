package org.openiru.detect.cases;

import java.util.Arrays;

/**
 * 64-bit SimHashes searchable by Hamming distance up to {@value #MAX_RADIUS}, without comparing against all of
 * them. The hash is cut into four 16-bit bands; two hashes at most 7 bits apart differ in at most one bit in some
 * band (four bands of two or more differing bits make eight), so probing each band's bucket of the query's value
 * and of its 16 one-bit neighbours (68 buckets) finds every such hash. At a million texts a bucket holds about 15,
 * so a query compares about a thousand hashes instead of a million. Not thread-safe: {@link ContentIndex} guards it.
 */
final class TextBands {
    static final int MAX_RADIUS = 7;
    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;

    /** Per band and bucket value: the slots of the entries with that value (first {@code sizes} are used). */
    private final int[][][] buckets = new int[BANDS][1 << BAND_BITS][];
    private final int[][] sizes = new int[BANDS][1 << BAND_BITS];
    private long[] hashes = new long[1024];
    private long[] ids = new long[1024];
    private boolean[] live = new boolean[1024];
    private int count;

    /** Adds an entry; returns its slot (for {@link #remove}). */
    int add(long hash, long id) {
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
            ids = Arrays.copyOf(ids, count * 2);
            live = Arrays.copyOf(live, count * 2);
        }
        int slot = count++;
        hashes[slot] = hash;
        ids[slot] = id;
        live[slot] = true;
        for (int b = 0; b < BANDS; b++) {
            int v = band(hash, b);
            int[] bucket = buckets[b][v];
            int n = sizes[b][v];
            if (bucket == null) {
                bucket = new int[4];
            } else if (n == bucket.length) {
                bucket = Arrays.copyOf(bucket, n * 2);
            }
            bucket[n] = slot;
            buckets[b][v] = bucket;
            sizes[b][v] = n + 1;
        }
        return slot;
    }

    /** Marks a slot's entry removed; queries skip it (its slot is not reused: slots are few bytes). */
    void remove(int slot) {
        live[slot] = false;
    }

    /** Calls {@code sink} once for each live entry within {@code radius} (at most {@value #MAX_RADIUS}) bits. */
    void query(long hash, int radius, Sink sink) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("radius must be 0.." + MAX_RADIUS + ", got " + radius);
        }
        for (int b = 0; b < BANDS; b++) {
            int v = band(hash, b);
            probe(b, v, hash, radius, sink);
            for (int bit = 0; bit < BAND_BITS; bit++) {
                probe(b, v ^ (1 << bit), hash, radius, sink);
            }
        }
    }

    private void probe(int b, int value, long hash, int radius, Sink sink) {
        int[] bucket = buckets[b][value];
        int n = sizes[b][value];
        for (int i = 0; i < n; i++) {
            int slot = bucket[i];
            long other = hashes[slot];
            int d = Long.bitCount(other ^ hash);
            // reported from the first band where the two differ in at most one bit, so exactly once
            if (d <= radius && live[slot] && firstCloseBand(hash, other) == b) {
                sink.accept(ids[slot], d);
            }
        }
    }

    private static int firstCloseBand(long a, long b) {
        for (int band = 0; band < BANDS; band++) {
            if (Integer.bitCount(band(a, band) ^ band(b, band)) <= 1) {
                return band;
            }
        }
        return -1;
    }

    private static int band(long hash, int b) {
        return (int) (hash >>> (b * BAND_BITS)) & 0xFFFF;
    }

    @FunctionalInterface
    interface Sink {
        void accept(long id, int distance);
    }
}
