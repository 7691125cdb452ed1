package org.openiru.bench.hashing;

import java.util.SplittableRandom;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.index.HashIndex;
import org.openiru.hashing.index.MultiIndexHashIndex;

/**
 * Synthetic index data, the same for a given seed: half uniformly random hashes, half clusters of
 * near-duplicates (a random centre and up to 20 copies with 0..40 random bits flipped), and queries
 * that are members with a few bits flipped, as real re-uploads are.
 */
final class BenchHashes {

    private final long[] words;
    private final int count;

    BenchHashes(int count, long seed) {
        this.count = count;
        this.words = new long[count * 4];
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (; n < count / 2; n++) {
            for (int w = 0; w < 4; w++) {
                words[n * 4 + w] = random.nextLong();
            }
        }
        while (n < count) {
            long[] centre = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
            int size = 1 + random.nextInt(20);
            for (int i = 0; i < size && n < count; i++, n++) {
                System.arraycopy(centre, 0, words, n * 4, 4);
                flip(n, random.nextInt(41), random);
            }
        }
    }

    private void flip(int entry, int bits, SplittableRandom random) {
        for (int b = 0; b < bits; b++) {
            int k = random.nextInt(256);
            words[entry * 4 + (k >>> 6)] ^= 1L << k;
        }
    }

    int count() {
        return count;
    }

    Hash256 hash(int i) {
        return Hash256.ofWords(words[i * 4], words[i * 4 + 1], words[i * 4 + 2], words[i * 4 + 3]);
    }

    MultiIndexHashIndex buildMultiIndex() {
        MultiIndexHashIndex.Builder builder = MultiIndexHashIndex.builder();
        for (int i = 0; i < count; i++) {
            builder.add(words[i * 4], words[i * 4 + 1], words[i * 4 + 2], words[i * 4 + 3], i);
        }
        return builder.build();
    }

    void addAllTo(HashIndex index) {
        for (int i = 0; i < count; i++) {
            index.add(hash(i), i);
        }
    }

    /** Queries: random members with 0..15 bits flipped. */
    Hash256[] queries(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Hash256[] queries = new Hash256[n];
        for (int q = 0; q < n; q++) {
            Hash256 h = hash(random.nextInt(count));
            for (int b = random.nextInt(16); b > 0; b--) {
                h = h.withBitFlipped(random.nextInt(256));
            }
            queries[q] = h;
        }
        return queries;
    }
}
