package org.openiru.hashing.pdq;

/**
 * The reference PDQ downsampling blur: a box filter along rows then along columns, applied twice,
 * which approximates a tent filter (Jarosz, "Fast image convolutions", 2001).
 *
 * <p>Each 1-D box keeps a running sum; near the edges the window is truncated and the divisor is the
 * number of pixels actually in it. The order of float additions and subtractions per output value is
 * the reference's, so results are bit for bit the same. The column pass walks the image row by row
 * with one running sum per column, which reads memory in order instead of striding down columns.
 */
final class JaroszFilter {

    static final int PASSES = 2;

    private float[] columnSums = new float[0];

    /** Window size along one axis when shrinking {@code oldSize} pixels to {@code newSize}. */
    static int windowSize(int oldSize, int newSize) {
        return (oldSize + 2 * newSize - 1) / (2 * newSize);
    }

    /** Blurs {@code image} in place, using {@code scratch} (same size) between passes. */
    void blur(float[] image, float[] scratch, int rows, int cols, int rowWindow, int colWindow) {
        for (int pass = 0; pass < PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                boxAlongRow(image, scratch, r * cols, cols, rowWindow);
            }
            boxAlongColumns(scratch, image, rows, cols, colWindow);
        }
    }

    private static void boxAlongRow(float[] in, float[] out, int start, int length, int window) {
        int half = (window + 2) / 2;
        int read = start;
        int subtract = start;
        int write = start;
        int end = start + length;
        float sum = 0;
        int count = 0;
        // Fill the first half window without writing, then write while the window grows,
        // slide it at full size, and let it shrink at the far edge.
        for (int i = 0; i < half - 1; i++) {
            sum += in[read++];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[read++];
            count++;
            out[write++] = sum / count;
        }
        while (read < end) {
            sum += in[read++];
            sum -= in[subtract++];
            out[write++] = sum / count;
        }
        while (write < end) {
            sum -= in[subtract++];
            count--;
            out[write++] = sum / count;
        }
    }

    /** The same 1-D box as {@link #boxAlongRow}, for all columns at once. */
    private void boxAlongColumns(float[] in, float[] out, int rows, int cols, int window) {
        if (columnSums.length < cols) {
            columnSums = new float[cols];
        }
        float[] sums = columnSums;
        java.util.Arrays.fill(sums, 0, cols, 0f);
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
        for (int c = 0; c < cols; c++) {
            out[offset + c] = sums[c] / count;
        }
    }
}
