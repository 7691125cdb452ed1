package org.openiru.text.classify;

import java.util.Arrays;
import java.util.List;
import org.openiru.text.lexicon.ContextualHit;
import org.openiru.text.lexicon.HitContext;
import org.openiru.text.lexicon.TermClass;

/**
 * Hashed character 2- to 4-grams of the normalised text (padded with spaces so word edges are
 * features), L2-normalised so long and short texts weigh alike, plus one feature per lexicon
 * class-and-context pair present ("outlet:asserted", "outlet:reported", "news_marker:asserted"…) with
 * value 1. Both go through one hash into {@code buckets} indexes (feature hashing: no vocabulary to
 * store, a fixed model size; collisions cost a little accuracy).
 *
 * <p>Speed: a 300-char text has about 900 n-grams; they are sorted with a radix sort (two passes over
 * 17-bit bucket indexes), which costs a tenth of a comparison sort and gives the same order, so the
 * model's dot product adds the same terms in the same order as when the model was trained. The padded
 * text, the n-grams and the sort buffer are per-thread arrays reused from text to text.
 */
public final class FeatureExtractor {

    private static final int MIN_N = 2;
    private static final int MAX_N = 4;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int RADIX_BITS = 11;

    private final int buckets;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Lexicon feature index per [term class][context], stored as {@code -1 - bucket} like in {@link #extract}. */
    private final int[][] lexiconFeatures;

    public FeatureExtractor(int buckets) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two");
        }
        this.buckets = buckets;
        this.lexiconFeatures = new int[TermClass.values().length][HitContext.values().length];
        for (TermClass termClass : TermClass.values()) {
            for (HitContext context : HitContext.values()) {
                lexiconFeatures[termClass.ordinal()][context.ordinal()] =
                        -1 - bucket((termClass.id() + ":" + context.id()).hashCode());
            }
        }
    }

    public int buckets() {
        return buckets;
    }

    public FeatureVector extract(String normalized, List<ContextualHit> hits) {
        int n = normalized.length();
        Scratch work = scratch.get();
        char[] padded = work.padded(n + 2);
        padded[0] = ' ';
        normalized.getChars(0, n, padded, 1);
        padded[n + 1] = ' ';
        int[] grams = work.grams((n + 2) * (MAX_N - MIN_N + 1) + hits.size());
        int count = 0;
        for (int i = 0; i < n + 2; i++) {
            int h = (FNV_OFFSET ^ padded[i]) * FNV_PRIME;
            for (int len = MIN_N; len <= MAX_N && i + len <= n + 2; len++) {
                h = (h ^ padded[i + len - 1]) * FNV_PRIME;
                grams[count++] = bucket(h * 31 + len);
            }
        }
        int gramCount = count;
        for (ContextualHit hit : hits) {
            grams[count++] = lexiconFeatures[hit.hit().termClass().ordinal()][hit.context().ordinal()];
        }
        Arrays.sort(grams, gramCount, count);
        radixSort(grams, gramCount, work);
        return collect(grams, count, gramCount, work);
    }

    /**
     * Run-length-encodes the sorted n-gram indexes (count / L2 norm) and the sorted lexicon indexes
     * (value 1, stored as {@code -1 - bucket} until here). An index may appear twice, once from each part,
     * when a lexicon feature collides with an n-gram: harmless for a dot product, and the trainer sums them.
     */
    private static FeatureVector collect(int[] grams, int count, int gramCount, Scratch work) {
        int[] indexes = new int[count];
        int[] runs = work.runs(count);
        Arrays.fill(runs, 0, count, 0);
        // Branch-free run-length encoding: a new index moves k on; equal neighbours add to the same run.
        int k = -1;
        int previous = -1; // n-gram indexes are never negative
        for (int i = 0; i < gramCount; i++) {
            int g = grams[i];
            k += g != previous ? 1 : 0;
            indexes[k] = g;
            runs[k]++;
            previous = g;
        }
        k++;
        float[] values = new float[count];
        double norm = 0;
        for (int i = 0; i < k; i++) {
            values[i] = runs[i];
            norm += (double) runs[i] * runs[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < k; i++) {
            values[i] *= scale;
        }
        for (int i = gramCount; i < count; ) {
            int j = i + 1;
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

    /**
     * Sorts {@code a[0, n)}, all in {@code [0, buckets)}, least significant digit first, in as few passes
     * of at most {@value #RADIX_BITS} bits as the bucket count needs.
     */
    private void radixSort(int[] a, int n, Scratch work) {
        int bits = Integer.numberOfTrailingZeros(buckets);
        int passes = Math.max(1, (bits + RADIX_BITS - 1) / RADIX_BITS);
        int width = (bits + passes - 1) / passes;
        int mask = (1 << width) - 1;
        int[] count = work.counts(mask + 2);
        int[] from = a;
        int[] to = work.buffer(n);
        for (int shift = 0; shift < bits; shift += width) {
            Arrays.fill(count, 0, mask + 2, 0);
            for (int i = 0; i < n; i++) {
                count[((from[i] >>> shift) & mask) + 1]++;
            }
            for (int d = 1; d < mask + 2; d++) {
                count[d] += count[d - 1];
            }
            for (int i = 0; i < n; i++) {
                to[count[(from[i] >>> shift) & mask]++] = from[i];
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
        }
    }

    /** Per-thread work arrays, grown on demand and reused, so extraction allocates only its result. */
    private static final class Scratch {
        private char[] padded = new char[0];
        private int[] grams = new int[0];
        private int[] buffer = new int[0];
        private int[] counts = new int[0];
        private int[] runs = new int[0];

        char[] padded(int size) {
            return padded.length >= size ? padded : (padded = new char[size]);
        }

        int[] grams(int size) {
            return grams.length >= size ? grams : (grams = new int[size]);
        }

        int[] buffer(int size) {
            return buffer.length >= size ? buffer : (buffer = new int[size]);
        }

        int[] runs(int size) {
            return runs.length >= size ? runs : (runs = new int[size]);
        }

        int[] counts(int size) {
            return counts.length >= size ? counts : (counts = new int[size]);
        }
    }

    private int bucket(int hash) {
        int h = hash ^ (hash >>> 16);
        return (h * 0x45D9F3B) >>> (32 - Integer.numberOfTrailingZeros(buckets));
    }
}
