package org.openiru.hashing.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openiru.hashing.Hash256;

/** Random hashes and clusters of near-duplicates (a centre and copies with k random bits flipped). */
final class RandomHashes {

    private final Random random;

    RandomHashes(long seed) {
        this.random = new Random(seed);
    }

    Hash256 next() {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    Hash256 near(Hash256 centre, int flips) {
        Hash256 h = centre;
        for (int i = 0; i < flips; i++) {
            h = h.withBitFlipped(random.nextInt(Hash256.BITS));
        }
        return h;
    }

    /** {@code count} hashes: about half random, half in clusters with 0..40 bits flipped. */
    List<Hash256> mixed(int count) {
        List<Hash256> hashes = new ArrayList<>(count);
        while (hashes.size() < count / 2) {
            hashes.add(next());
        }
        while (hashes.size() < count) {
            Hash256 centre = next();
            int size = 1 + random.nextInt(20);
            for (int i = 0; i < size && hashes.size() < count; i++) {
                hashes.add(near(centre, random.nextInt(41)));
            }
        }
        return hashes;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
