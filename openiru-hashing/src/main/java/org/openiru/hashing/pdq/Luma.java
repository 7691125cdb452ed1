package org.openiru.hashing.pdq;

/**
 * Rec. 601 luminance, the weights every PDQ implementation uses.
 *
 * <p>Computed in double and rounded once to float, as python-threatexchange's pdqhash binding does
 * (numpy float64, then {@code astype(float32)}); the C++ tool sums in float. The two differ by at
 * most one float ulp per pixel, which does not move the hash on the reference data, and the double
 * form makes grey pixels (R=G=B) come out exactly as the grey value, as the C++ grey path has it.
 */
final class Luma {

    private static final double[] WEIGHTED_R = weights(0.299);
    private static final double[] WEIGHTED_G = weights(0.587);
    private static final double[] WEIGHTED_B = weights(0.114);

    private Luma() {}

    static float of(int r, int g, int b) {
        return (float) (WEIGHTED_R[r] + WEIGHTED_G[g] + WEIGHTED_B[b]);
    }

    static float ofPacked(int rgb) {
        return of((rgb >>> 16) & 0xFF, (rgb >>> 8) & 0xFF, rgb & 0xFF);
    }

    private static double[] weights(double w) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = v * w;
        }
        return t;
    }
}
