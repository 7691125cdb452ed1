package org.openiru.hashing.index;

import java.util.Arrays;

/**
 * For one 16-bit slot of the hash: the entry numbers of all entries, bucketed by their value in that
 * slot (65,536 buckets). Buckets are plain int arrays with spare room; order inside a bucket does
 * not matter, so removal moves the last element into the gap. Not synchronised.
 */
final class SlotTable {

    static final int VALUES = 1 << 16;

    private final int[][] buckets = new int[VALUES][];
    private final int[] sizes = new int[VALUES];

    /** Allocates each bucket at exactly its final size, for bulk loading. */
    void presize(int[] counts) {
        for (int v = 0; v < VALUES; v++) {
            buckets[v] = counts[v] == 0 ? null : new int[counts[v]];
        }
    }

    void add(int value, int entry) {
        int[] bucket = buckets[value];
        int n = sizes[value];
        if (bucket == null) {
            bucket = buckets[value] = new int[4];
        } else if (n == bucket.length) {
            bucket = buckets[value] = Arrays.copyOf(bucket, n + (n >> 1) + 1);
        }
        bucket[n] = entry;
        sizes[value] = n + 1;
    }

    void remove(int value, int entry) {
        int[] bucket = buckets[value];
        int last = sizes[value] - 1;
        for (int i = 0; i <= last; i++) {
            if (bucket[i] == entry) {
                bucket[i] = bucket[last];
                sizes[value] = last;
                return;
            }
        }
        throw new IllegalStateException("entry " + entry + " missing from bucket " + value);
    }

    int size(int value) {
        return sizes[value];
    }

    /** The bucket's array; only the first {@link #size} elements are entries. */
    int[] bucket(int value) {
        return buckets[value];
    }
}
