package org.openiru.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    /** One, two and three radix passes (4, 17 and 23 bits), on texts from empty to longer than the buffers. */
    @Test
    void ngramIndexesAreSortedDistinctInRangeAndUnitNorm() {
        Random random = new Random(4);
        for (int buckets : new int[] {1 << 4, 1 << 17, 1 << 23}) {
            FeatureExtractor extractor = new FeatureExtractor(buckets);
            for (int i = 0; i < 300; i++) {
                String text = randomText(random, i == 0 ? 0 : random.nextInt(i < 290 ? 400 : 30_000));
                FeatureVector v = extractor.extract(text, List.of());
                int[] idx = v.indexes();
                double norm = 0;
                for (int k = 0; k < idx.length; k++) {
                    assertThat(idx[k]).isBetween(0, buckets - 1);
                    if (k > 0) {
                        assertThat(idx[k]).as("sorted and distinct").isGreaterThan(idx[k - 1]);
                    }
                    norm += (double) v.values()[k] * v.values()[k];
                }
                assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void sameTextSameFeaturesWhateverCameBefore() {
        FeatureExtractor extractor = new FeatureExtractor(1 << 17);
        FeatureVector first = extractor.extract("amaq news agency", List.of());
        extractor.extract("x".repeat(5_000), List.of()); // grows and dirties the per-thread buffers
        FeatureVector again = extractor.extract("amaq news agency", List.of());
        assertThat(again.indexes()).containsExactly(first.indexes());
        assertThat(again.values()).containsExactly(first.values());
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcdefghij klmn داعش وكالة \n.";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
