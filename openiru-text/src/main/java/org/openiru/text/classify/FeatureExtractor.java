package org.openiru.text.classify;

import java.util.Arrays;
import java.util.List;
import org.openiru.text.lexicon.ContextualHit;

/**
 * Hashed character 2- to 4-grams of the normalised text (padded with spaces so word edges are
 * features), L2-normalised so long and short texts weigh alike, plus one feature per lexicon
 * class-and-context pair present ("outlet:asserted", "outlet:reported", "news_marker:asserted"…) with
 * value 1. Both go through one hash into {@code buckets} indexes (feature hashing: no vocabulary to
 * store, a fixed model size; collisions cost a little accuracy).
 */
public final class FeatureExtractor {

    private static final int MIN_N = 2;
    private static final int MAX_N = 4;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private final int buckets;

    public FeatureExtractor(int buckets) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two");
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    public FeatureVector extract(String normalized, List<ContextualHit> hits) {
        int n = normalized.length();
        int[] grams = new int[Math.max(0, (n + 2) * (MAX_N - MIN_N + 1)) + hits.size()];
        int count = 0;
        for (int i = -1; i <= n; i++) {
            int h = FNV_OFFSET;
            for (int len = 1; len <= MAX_N && i + len - 1 <= n; len++) {
                int p = i + len - 1;
                char c = p < 0 || p >= n ? ' ' : normalized.charAt(p);
                h = (h ^ c) * FNV_PRIME;
                if (len >= MIN_N) {
                    grams[count++] = bucket(h * 31 + len);
                }
            }
        }
        int gramCount = count;
        for (ContextualHit hit : hits) {
            grams[count++] = -1 - bucket((hit.hit().termClass().id() + ":" + hit.context().id()).hashCode());
        }
        return collect(grams, count, gramCount);
    }

    /**
     * Sorts and run-length-encodes the n-gram indexes (count / L2 norm) and the lexicon indexes (value 1,
     * stored as {@code -1 - bucket} until here). An index may appear twice, once from each part, when a
     * lexicon feature collides with an n-gram: harmless for a dot product, and the trainer sums them.
     */
    private FeatureVector collect(int[] grams, int count, int gramCount) {
        Arrays.sort(grams, gramCount, count);
        Arrays.sort(grams, 0, gramCount);
        int[] indexes = new int[count];
        float[] values = new float[count];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < gramCount; ) {
            int j = i;
            while (j < gramCount && grams[j] == grams[i]) {
                j++;
            }
            indexes[k] = grams[i];
            values[k] = j - i;
            norm += (double) (j - i) * (j - i);
            k++;
            i = j;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < k; i++) {
            values[i] *= scale;
        }
        for (int i = gramCount; i < count; ) {
            int j = i;
            while (j < count && grams[j] == grams[i]) {
                j++;
            }
            indexes[k] = -1 - grams[i];
            values[k] = 1;
            k++;
            i = j;
        }
        return new FeatureVector(Arrays.copyOf(indexes, k), Arrays.copyOf(values, k));
    }

    private int bucket(int hash) {
        int h = hash ^ (hash >>> 16);
        return (h * 0x45D9F3B) >>> (32 - Integer.numberOfTrailingZeros(buckets));
    }
}
