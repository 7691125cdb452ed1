package org.openiru.hashing.pdq;

/**
 * The eight rotations and flips of an image. Their PDQ hashes come straight from the original's DCT
 * coefficients: mirroring the image along an axis negates the odd-frequency coefficients on that
 * axis (the reference's coefficient indices start at 1, so these are its even indices), and
 * swapping the axes transposes the matrix.
 */
public enum Dihedral {
    ORIGINAL(false, 0, 0, 0),
    ROTATE_90(true, 0, 1, 1),
    ROTATE_180(false, 1, 1, 0),
    ROTATE_270(true, 1, 0, 1),
    FLIP_X(false, 1, 0, 1),
    FLIP_Y(false, 0, 1, 1),
    FLIP_PLUS_1(true, 0, 0, 0),
    FLIP_MINUS_1(true, 1, 1, 0);

    private final boolean transpose;
    private final int rowParity;
    private final int columnParity;
    private final int constantParity;

    /** Coefficient (i, j) is negated when {@code i*rowParity + j*columnParity + constantParity} is odd. */
    Dihedral(boolean transpose, int rowParity, int columnParity, int constantParity) {
        this.transpose = transpose;
        this.rowParity = rowParity;
        this.columnParity = columnParity;
        this.constantParity = constantParity;
    }

    /** Writes into {@code out} the 16x16 coefficients of this transform of the image with {@code dct}. */
    void apply(float[] dct, float[] out) {
        int n = Dct16.SIZE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float v = dct[i * n + j];
                if (((i * rowParity + j * columnParity + constantParity) & 1) != 0) {
                    v = -v;
                }
                out[transpose ? j * n + i : i * n + j] = v;
            }
        }
    }
}
