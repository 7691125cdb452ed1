package org.openiru.hashing.pdq;

import org.openiru.hashing.Hash256;

/**
 * Computes PDQ hashes of decoded pixels, following Meta's reference algorithm
 * (ThreatExchange pdq): float luminance, Jarosz blur with window {@code ceil(side/128)}, decimation to
 * 64x64, the 16x16 low-frequency DCT, and one bit per coefficient: above the median or not.
 *
 * <p>Buffers are kept between calls, so a hasher allocates nothing per image once it has seen the
 * largest size. <b>Not thread-safe</b>: use one hasher per thread.
 */
public final class PdqHasher {

    /** Below this side length the reference returns the all-zero hash with quality 0. */
    static final int MIN_SIDE = 5;
    private static final int BLOCK = Dct16.BLOCK;

    private final JaroszFilter filter = new JaroszFilter();
    private final Dct16 dct = new Dct16();
    private final float[] block = new float[BLOCK * BLOCK];
    private final float[] coefficients = new float[Dct16.SIZE * Dct16.SIZE];
    private final float[] transformed = new float[Dct16.SIZE * Dct16.SIZE];

    public PdqResult hash(PdqInput input) {
        int quality = transform(input);
        if (quality < 0) {
            return new PdqResult(Hash256.ofWords(0, 0, 0, 0), 0);
        }
        return new PdqResult(bits(coefficients), quality);
    }

    /** All eight orientations at the cost of one hash: they come from the same DCT coefficients. */
    public DihedralHashes hashDihedral(PdqInput input) {
        int quality = transform(input);
        Dihedral[] orientations = Dihedral.values();
        Hash256[] hashes = new Hash256[orientations.length];
        for (Dihedral d : orientations) {
            if (quality < 0) {
                hashes[d.ordinal()] = Hash256.ofWords(0, 0, 0, 0);
            } else {
                d.apply(coefficients, transformed);
                hashes[d.ordinal()] = bits(transformed);
            }
        }
        return new DihedralHashes(hashes, Math.max(quality, 0));
    }

    /** Fills {@link #coefficients}; returns the quality, or -1 if the image is too small to hash. */
    private int transform(PdqInput input) {
        int rows = input.height();
        int cols = input.width();
        if (rows < MIN_SIDE || cols < MIN_SIDE) {
            return -1;
        }
        if (rows == BLOCK && cols == BLOCK) {
            // Already 64x64 (e.g. video frames scaled by the decoder): the reference skips the blur.
            for (int y = 0; y < rows; y++) {
                input.readLumaRow(y, block, y * cols);
            }
        } else {
            filter.blurAndSample(input, block);
        }
        int quality = quality(block);
        dct.transform(block, coefficients);
        return quality;
    }

    /**
     * The reference's heuristic: the sum of quantised vertical and horizontal gradients of the 64x64
     * block, scaled by 1/90 and capped at 100.
     */
    static int quality(float[] block) {
        int gradientSum = 0;
        for (int i = 0; i < BLOCK - 1; i++) {
            for (int j = 0; j < BLOCK; j++) {
                gradientSum += Math.abs((int) ((block[i * BLOCK + j] - block[(i + 1) * BLOCK + j]) * 100 / 255));
            }
        }
        for (int i = 0; i < BLOCK; i++) {
            for (int j = 0; j < BLOCK - 1; j++) {
                gradientSum += Math.abs((int) ((block[i * BLOCK + j] - block[i * BLOCK + j + 1]) * 100 / 255));
            }
        }
        return Math.min(gradientSum / 90, 100);
    }

    /** Bit {@code 16*i + j} is set when coefficient (i, j) is above the median. */
    private static Hash256 bits(float[] dct) {
        float median = Median.torben(dct);
        long[] words = new long[4];
        for (int k = 0; k < dct.length; k++) {
            if (dct[k] > median) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return Hash256.ofWords(words[0], words[1], words[2], words[3]);
    }
}
