package org.openiru.hashing.pdq;

/**
 * The part of the 2-D DCT-II that PDQ keeps: coefficients 1..16 on both axes (the DC term is
 * dropped) of a 64x64 block, as {@code B = D A D^T} with the 16x64 matrix
 * {@code D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1))}. Float arithmetic and summation order follow
 * the reference so that results are bit for bit the same.
 */
final class Dct16 {

    static final int SIZE = 16;
    static final int BLOCK = 64;

    private static final float[] MATRIX = matrix();

    private final float[] intermediate = new float[SIZE * BLOCK];

    private static float[] matrix() {
        float scale = (float) Math.sqrt(2.0 / BLOCK);
        float[] d = new float[SIZE * BLOCK];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < BLOCK; j++) {
                d[i * BLOCK + j] = (float) (scale * Math.cos(Math.PI / 2.0 / BLOCK * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    /** Transforms the row-major 64x64 {@code block} into the row-major 16x16 {@code out}. */
    void transform(float[] block, float[] out) {
        float[] t = intermediate;
        // T = D A, accumulated over k in ascending order for every (i, j), as the reference does.
        java.util.Arrays.fill(t, 0f);
        for (int i = 0; i < SIZE; i++) {
            int tRow = i * BLOCK;
            for (int k = 0; k < BLOCK; k++) {
                float d = MATRIX[i * BLOCK + k];
                int aRow = k * BLOCK;
                for (int j = 0; j < BLOCK; j++) {
                    t[tRow + j] += d * block[aRow + j];
                }
            }
        }
        // B = T D^T
        for (int i = 0; i < SIZE; i++) {
            int tRow = i * BLOCK;
            for (int j = 0; j < SIZE; j++) {
                int dRow = j * BLOCK;
                float sum = 0;
                for (int k = 0; k < BLOCK; k++) {
                    sum += t[tRow + k] * MATRIX[dRow + k];
                }
                out[i * SIZE + j] = sum;
            }
        }
    }
}
