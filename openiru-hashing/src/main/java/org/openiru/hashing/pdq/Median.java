package org.openiru.hashing.pdq;

/**
 * Torben Mogensen's median by bisection of the value range, as the reference uses it. For an even
 * count it returns the lower middle value; what matters for PDQ is that ties and float edge cases
 * resolve exactly as in the reference, so the algorithm is the reference's, not a sort.
 */
final class Median {

    private Median() {}

    static float torben(float[] m) {
        int n = m.length;
        int half = (n + 1) / 2;
        float min = m[0];
        float max = m[0];
        for (int i = 1; i < n; i++) {
            // Plain comparisons, not Math.min/max, which would also order -0.0 before 0.0.
            if (m[i] < min) min = m[i];
            if (m[i] > max) max = m[i];
        }
        while (true) {
            float guess = (min + max) / 2;
            int less = 0;
            int greater = 0;
            int equal = 0;
            float maxBelow = min;
            float minAbove = max;
            for (float v : m) {
                if (v < guess) {
                    less++;
                    if (v > maxBelow) maxBelow = v;
                } else if (v > guess) {
                    greater++;
                    if (v < minAbove) minAbove = v;
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                if (less >= half) return maxBelow;
                if (less + equal >= half) return guess;
                return minAbove;
            }
            if (less > greater) {
                max = maxBelow;
            } else {
                min = minAbove;
            }
        }
    }
}
