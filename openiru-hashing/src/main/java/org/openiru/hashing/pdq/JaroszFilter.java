package org.openiru.hashing.pdq;

import java.util.Arrays;

/**
 * The reference PDQ downsampling blur: a box filter along rows then along columns, applied twice,
 * which approximates a tent filter (Jarosz, "Fast image convolutions", 2001), followed by sampling
 * the centres of 64x64 cells.
 *
 * <p>Each 1-D box keeps a running sum; near the edges the window is truncated and the divisor is the
 * number of pixels actually in it. The order of float additions and subtractions per output value is
 * the reference's, so results are bit for bit the same. What differs is which values are computed,
 * in what order, and how the division is done:
 * <ul>
 * <li>The image streams through once, {@value #LANES} rows at a time: luminance rows, their row box,
 *     the column box ({@link ColumnBox}, over a ring of the last rows), the second row box, and the
 *     second column box over a 64-column image. No full-size intermediate image is written, so
 *     everything stays in the caches.
 * <li>A row box is a chain of dependent float additions (each running sum needs the previous one),
 *     so {@value #LANES} rows are advanced together: their chains are independent and the processor
 *     overlaps them.
 * <li>Only the 64x64 samples of the second pass are needed. Its row box still runs its running sum
 *     along every whole row but divides and stores only at the 64 sampled columns, and its column
 *     box runs over those 64 columns only.
 * <li>Division by the window count is a multiplication in double: see {@link #quotient}.
 * </ul>
 */
final class JaroszFilter {

    private static final int SAMPLES = Dct16.BLOCK;
    /**
     * Rows whose row boxes advance together. A row box step is two dependent float additions
     * (about 8 cycles of latency) and a few instructions per row, so 8 rows keep the processor busy.
     */
    private static final int LANES = 8;

    private final ColumnBox firstColumns = new ColumnBox();
    private final ColumnBox secondColumns = new ColumnBox();
    private int[] allColumns = new int[0];
    private float[] luma = new float[0];
    private float[] ring = new float[0];
    private float[] blurred = new float[0];
    private float[] narrow = new float[0];
    /** {@code 1.0 / n} for every pixel count {@code n} a row window can hold. */
    private double[] reciprocals = new double[0];
    private int[] sampleColumns;
    private int[] sampleRows;
    private int sampledCols;
    private int sampledRows;

    // The image being filtered, for the duration of one blurAndSample call.
    private int rows;
    private int cols;
    private int rowWindow;
    private int ringMask;
    private int nextSampleRow;
    private int pending;
    private float[] block;

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
     * Reads the luminance of {@code input} (at least 5x5), blurs it twice and writes the 64x64
     * samples to {@code block}.
     */
    void blurAndSample(PdqInput input, float[] block) {
        start(input.height(), input.width(), block);
        for (int top = 0; top < rows; top += LANES) {
            int lanes = Math.min(LANES, rows - top);
            for (int k = 0; k < lanes; k++) {
                input.readLumaRow(top + k, luma, k * cols);
            }
            // A short last group runs its unused lanes over stale rows into ring rows no longer needed.
            boxRows(luma, 0, cols, cols, rowWindow, allColumns, ring, (top & ringMask) * cols, cols);
            for (int k = 0; k < lanes; k++) {
                int row = firstColumns.add();
                if (row >= 0) {
                    firstPassRow(row);
                }
            }
        }
        for (int row; (row = firstColumns.drain(rows)) >= 0; ) {
            firstPassRow(row);
        }
        for (int row; (row = secondColumns.drain(rows)) >= 0; ) {
            sample(row);
        }
        this.block = null;
    }

    private void start(int rows, int cols, float[] block) {
        this.rows = rows;
        this.cols = cols;
        this.block = block;
        this.rowWindow = windowSize(cols, SAMPLES);
        int colWindow = windowSize(rows, SAMPLES);
        // The first column box reads row r and row r - colWindow while up to LANES newer rows
        // arrive; a power of two of at least LANES rows also keeps each group of rows contiguous.
        int ringRows = Integer.highestOneBit(colWindow + LANES) * 2;
        this.ringMask = ringRows - 1;
        if (allColumns.length != cols + 1) {
            int[] all = new int[cols];
            Arrays.setAll(all, c -> c);
            allColumns = withSentinel(all);
        }
        if (reciprocals.length <= rowWindow) {
            reciprocals = new double[rowWindow + 1];
            Arrays.setAll(reciprocals, n -> 1.0 / n);
        }
        if (luma.length < LANES * cols) {
            luma = new float[LANES * cols];
            blurred = new float[LANES * cols];
        }
        if (ring.length < ringRows * cols) {
            ring = new float[ringRows * cols];
        }
        // Room for the unused lanes of a short last group.
        if (narrow.length < (rows + LANES) * SAMPLES) {
            narrow = new float[(rows + LANES) * SAMPLES];
        }
        if (sampleColumns == null || sampledCols != cols) {
            sampleColumns = withSentinel(samplePositions(cols));
            sampledCols = cols;
        }
        if (sampleRows == null || sampledRows != rows) {
            sampleRows = withSentinel(samplePositions(rows));
            sampledRows = rows;
        }
        nextSampleRow = 0;
        pending = 0;
        firstColumns.start(ring, ringMask, cols, colWindow);
        secondColumns.start(narrow, -1, SAMPLES, colWindow);
    }

    /** Positions followed by one that no position equals, so scans need no bounds test. */
    private static int[] withSentinel(int[] positions) {
        int[] out = Arrays.copyOf(positions, positions.length + 1);
        out[positions.length] = Integer.MAX_VALUE;
        return out;
    }

    /** Row {@code row} of the first pass is complete in the first column box. */
    private void firstPassRow(int row) {
        firstColumns.quotients(blurred, pending * cols);
        pending++;
        if (pending < LANES && row < rows - 1) {
            return;
        }
        int top = row - pending + 1;
        boxRows(blurred, 0, cols, cols, rowWindow, sampleColumns, narrow, top * SAMPLES, SAMPLES);
        for (int k = 0; k < pending; k++) {
            int out = secondColumns.add();
            if (out >= 0) {
                sample(out);
            }
        }
        pending = 0;
    }

    /** Row {@code row} of the second pass is complete: copy it to the block rows that sample it. */
    private void sample(int row) {
        while (sampleRows[nextSampleRow] == row) {
            secondColumns.quotients(block, nextSampleRow * SAMPLES);
            nextSampleRow++;
        }
    }

    /**
     * The 1-D box along {@value #LANES} rows at once, each {@code length} long, row {@code k} at
     * {@code in[inAt + k * inStride ..]}. Only positions in {@code keep} (ascending, repeats allowed,
     * ending with a sentinel) are written: the value of row {@code k} at {@code keep[j]} goes to
     * {@code out[outAt + k * outStride + j]}.
     */
    private void boxRows(float[] in, int inAt, int inStride, int length, int window, int[] keep,
            float[] out, int outAt, int outStride) {
        double[] reciprocals = this.reciprocals;
        int a0 = inAt;
        int a1 = a0 + inStride;
        int a2 = a1 + inStride;
        int a3 = a2 + inStride;
        int a4 = a3 + inStride;
        int a5 = a4 + inStride;
        int a6 = a5 + inStride;
        int a7 = a6 + inStride;
        int b0 = outAt;
        int b1 = b0 + outStride;
        int b2 = b1 + outStride;
        int b3 = b2 + outStride;
        int b4 = b3 + outStride;
        int b5 = b4 + outStride;
        int b6 = b5 + outStride;
        int b7 = b6 + outStride;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int half = (window + 2) / 2;
        int read = 0;
        int subtract = 0;
        int write = 0;
        int next = 0;
        // The reference's phases in one loop: the window fills for half its size without writing,
        // then grows while writing, slides at full size (add, then subtract), and shrinks at the far
        // edge. The branches change only at the phase boundaries, so they are predicted.
        for (int step = 0; write < length; step++) {
            if (read < length) {
                s0 += in[a0 + read];
                s1 += in[a1 + read];
                s2 += in[a2 + read];
                s3 += in[a3 + read];
                s4 += in[a4 + read];
                s5 += in[a5 + read];
                s6 += in[a6 + read];
                s7 += in[a7 + read];
                read++;
            }
            if (step >= window) {
                s0 -= in[a0 + subtract];
                s1 -= in[a1 + subtract];
                s2 -= in[a2 + subtract];
                s3 -= in[a3 + subtract];
                s4 -= in[a4 + subtract];
                s5 -= in[a5 + subtract];
                s6 -= in[a6 + subtract];
                s7 -= in[a7 + subtract];
                subtract++;
            }
            if (step >= half - 1) {
                double reciprocal = reciprocals[read - subtract];
                for (; keep[next] == write; next++) {
                    out[b0 + next] = quotient(s0, reciprocal);
                    out[b1 + next] = quotient(s1, reciprocal);
                    out[b2 + next] = quotient(s2, reciprocal);
                    out[b3 + next] = quotient(s3, reciprocal);
                    out[b4 + next] = quotient(s4, reciprocal);
                    out[b5 + next] = quotient(s5, reciprocal);
                    out[b6 + next] = quotient(s6, reciprocal);
                    out[b7 + next] = quotient(s7, reciprocal);
                }
                write++;
            }
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
