package org.openiru.hashing.index;

/**
 * The XOR masks of 16-bit values within a small Hamming radius of a slot value, nearest first:
 * {@code COUNT[r]} masks have at most {@code r} bits set (1, 17, 137, 697 for r = 0..3).
 */
final class Probes {

    static final int MAX_RADIUS = 3;
    static final int[] COUNT = new int[MAX_RADIUS + 1];
    static final int[] MASKS = masks();

    private Probes() {}

    private static int[] masks() {
        int total = 0;
        for (int r = 0; r <= MAX_RADIUS; r++) {
            for (int v = 0; v < SlotTable.VALUES; v++) {
                if (Integer.bitCount(v) == r) {
                    total++;
                }
            }
            COUNT[r] = total;
        }
        int[] masks = new int[total];
        int n = 0;
        for (int r = 0; r <= MAX_RADIUS; r++) {
            for (int v = 0; v < SlotTable.VALUES; v++) {
                if (Integer.bitCount(v) == r) {
                    masks[n++] = v;
                }
            }
        }
        return masks;
    }
}
