package org.openiru.hashing.index;

/**
 * The XOR masks of {@code k}-bit values within a small Hamming radius, nearest first, for every
 * key width {@code k} up to {@link Slots#MAX_BITS}: {@code count(k, r)} masks have at most
 * {@code r} bits set (1, 25, 301, 2325 for k = 24 and r = 0..3).
 */
final class Probes {

    static final int MAX_RADIUS = 3;
    private static final int[][] MASKS = new int[Slots.MAX_BITS + 1][];
    private static final int[][] COUNTS = new int[Slots.MAX_BITS + 1][MAX_RADIUS + 1];

    static {
        for (int k = 0; k <= Slots.MAX_BITS; k++) {
            int[] masks = new int[1 + k + k * (k - 1) / 2 + k * (k - 1) * (k - 2) / 6];
            int n = 0;
            masks[n++] = 0;
            COUNTS[k][0] = n;
            for (int a = 0; a < k; a++) {
                masks[n++] = 1 << a;
            }
            COUNTS[k][1] = n;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    masks[n++] = 1 << a | 1 << b;
                }
            }
            COUNTS[k][2] = n;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    for (int c = b + 1; c < k; c++) {
                        masks[n++] = 1 << a | 1 << b | 1 << c;
                    }
                }
            }
            COUNTS[k][3] = n;
            MASKS[k] = masks;
        }
    }

    private Probes() {}

    static int[] masks(int keyBits) {
        return MASKS[keyBits];
    }

    static int count(int keyBits, int radius) {
        return COUNTS[keyBits][radius];
    }
}
