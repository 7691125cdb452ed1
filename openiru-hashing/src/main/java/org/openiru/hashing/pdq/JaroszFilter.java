package org.openiru.hashing.pdq;

import java.util.Arrays;

/**
 * The reference PDQ downsampling blur: a box filter along rows then along columns, applied twice,
 * which approximates a tent filter (Jarosz, "Fast image convolutions", 2001), followed by sampling
 * the centres of 64x64 cells.
 *
 * <p>Each 1-D box keeps a running sum; near the edges the window is truncated and the divisor is the
 * number of pixels actually in it. The order of float additions and subtractions per output value is
 * the reference's, so results are bit for bit the same. What differs is only which values are
 * computed, and how the division is done:
 * <ul>
 * <li>Only the 64x64 samples of the second pass are needed. Its row box still runs its running sum
 *     along every whole row (each sum depends on the previous one) but divides and stores only at
 *     the 64 sampled columns, and its column box then runs over those 64 columns instead of all.
 * <li>The column box advances one running sum per column for a whole row at a time, walking memory
 *     in order in loops the JIT vectorises.
 * <li>Division by the window count is a multiplication in double: see {@link #quotient}.
 * </ul>
 */
final class JaroszFilter {

    private static final int SAMPLES = Dct16.BLOCK;

    private float[] columnSums = new float[0];
    private float[] narrow = new float[0];
    private float[] narrowBlurred = new float[0];
    private int[] allColumns = new int[0];

    /** Window size along one axis when shrinking {@code oldSize} pixels to {@code newSize}. */
    static int windowSize(int oldSize, int newSize) {
        return (oldSize + 2 * newSize - 1) / (2 * newSize);
    }

    /** The row or column of each of the 64 samples along an axis of {@code size} pixels: cell centres. */
    static int[] samplePositions(int size) {
        int[] positions = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            positions[i] = (int) ((i + 0.5) * size / SAMPLES);
        }
        return positions;
    }

    /**
     * Blurs the row-major {@code image} twice and writes the 64x64 samples to {@code block};
     * {@code image} and {@code scratch} (same size) are overwritten.
     */
    void blurAndSample(float[] image, float[] scratch, int rows, int cols, float[] block) {
        int rowWindow = windowSize(cols, SAMPLES);
        int colWindow = windowSize(rows, SAMPLES);
        if (allColumns.length != cols) {
            allColumns = new int[cols];
            Arrays.setAll(allColumns, c -> c);
        }
        if (narrow.length < rows * SAMPLES) {
            narrow = new float[rows * SAMPLES];
            narrowBlurred = new float[rows * SAMPLES];
        }
        for (int r = 0; r < rows; r++) {
            boxAlongRow(image, r * cols, cols, rowWindow, allColumns, scratch, r * cols);
        }
        boxAlongColumns(scratch, image, rows, cols, colWindow);
        int[] sampleColumns = samplePositions(cols);
        for (int r = 0; r < rows; r++) {
            boxAlongRow(image, r * cols, cols, rowWindow, sampleColumns, narrow, r * SAMPLES);
        }
        boxAlongColumns(narrow, narrowBlurred, rows, SAMPLES, colWindow);
        int[] sampleRows = samplePositions(rows);
        for (int i = 0; i < SAMPLES; i++) {
            System.arraycopy(narrowBlurred, sampleRows[i] * SAMPLES, block, i * SAMPLES, SAMPLES);
        }
    }

    /**
     * The 1-D box along {@code in[start .. start+length)}, written only at the ascending positions
     * {@code keep} (relative to {@code start}; repeats allowed): the value at {@code keep[j]} goes to
     * {@code out[outStart + j]}.
     */
    private static void boxAlongRow(float[] in, int start, int length, int window,
            int[] keep, float[] out, int outStart) {
        int half = (window + 2) / 2;
        int read = start;
        int subtract = start;
        int write = 0;
        int end = start + length;
        int next = 0;
        float sum = 0;
        int count = 0;
        // Fill the first half window without writing, then write while the window grows,
        // slide it at full size, and let it shrink at the far edge.
        for (int i = 0; i < half - 1; i++) {
            sum += in[read++];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, write++) {
            sum += in[read++];
            count++;
            next = keep(sum, 1.0 / count, write, keep, next, out, outStart);
        }
        double reciprocal = 1.0 / count;
        while (read < end) {
            sum += in[read++];
            sum -= in[subtract++];
            next = keep(sum, reciprocal, write++, keep, next, out, outStart);
        }
        while (write < length) {
            sum -= in[subtract++];
            count--;
            next = keep(sum, 1.0 / count, write++, keep, next, out, outStart);
        }
    }

    /** Stores the quotient for each {@code keep[next..]} equal to {@code position}; returns the new next. */
    private static int keep(float sum, double reciprocal, int position, int[] keep, int next,
            float[] out, int outStart) {
        while (next < keep.length && keep[next] == position) {
            out[outStart + next] = quotient(sum, reciprocal);
            next++;
        }
        return next;
    }

    /**
     * The 1-D box down every column of a row-major {@code rows x cols} image: one running sum per
     * column, added to and subtracted from a whole row at a time.
     */
    private void boxAlongColumns(float[] in, float[] out, int rows, int cols, int window) {
        if (columnSums.length < cols) {
            columnSums = new float[cols];
        }
        float[] sums = columnSums;
        Arrays.fill(sums, 0, cols, 0f);
        int half = (window + 2) / 2;
        int read = 0;
        int subtract = 0;
        int write = 0;
        int count = 0;
        for (int i = 0; i < half - 1; i++, read++) {
            addRow(sums, in, read * cols, cols);
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, read++, write++) {
            addRow(sums, in, read * cols, cols);
            count++;
            writeRow(sums, out, write * cols, cols, count);
        }
        for (; read < rows; read++, subtract++, write++) {
            addRow(sums, in, read * cols, cols);
            subtractRow(sums, in, subtract * cols, cols);
            writeRow(sums, out, write * cols, cols, count);
        }
        for (; write < rows; subtract++, write++) {
            subtractRow(sums, in, subtract * cols, cols);
            count--;
            writeRow(sums, out, write * cols, cols, count);
        }
    }

    private static void addRow(float[] sums, float[] in, int offset, int cols) {
        for (int c = 0; c < cols; c++) {
            sums[c] += in[offset + c];
        }
    }

    private static void subtractRow(float[] sums, float[] in, int offset, int cols) {
        for (int c = 0; c < cols; c++) {
            sums[c] -= in[offset + c];
        }
    }

    private static void writeRow(float[] sums, float[] out, int offset, int cols, int count) {
        double reciprocal = 1.0 / count;
        for (int c = 0; c < cols; c++) {
            out[offset + c] = quotient(sums[c], reciprocal);
        }
    }

    /**
     * {@code sum / n} in float, exactly, as {@code sum} times the double {@code 1.0 / n}, for a
     * normal or zero float {@code sum} and {@code 0 < n < 2^24}. The double product is within
     * 1.5 * 2^-52 (relative) of the true quotient, while the true quotient is never closer than
     * 2^-25 / n to a point halfway between two floats (it would need 25 significant bits, and
     * {@code sum}, a 24-bit integer times a power of two, divided by n, cannot have them unless n
     * divides it, which leaves at most 24 bits), so both round to the same float. The blur's sums are
     * non-negative luminance sums or their float cancellation residues, never subnormal.
     */
    static float quotient(float sum, double reciprocal) {
        return (float) (sum * reciprocal);
    }
}
