package org.openiru.hashing.pdq;

/**
 * The reference's 1-D box filter down every column at once, over rows that arrive one at a time in
 * order, so the image it filters need never exist in full: row {@code r} lives at
 * {@code rows[(r & mask) * width]}, a ring of the last rows ({@code mask} = ring size - 1) or the
 * whole image ({@code mask} = -1).
 *
 * <p>Per column, the running sum sees exactly the reference's sequence of float additions and
 * subtractions (the window grows from half its size, slides, then shrinks at the far edge), so the
 * quotients are bit for bit the reference's. One running sum per column, updated a whole row at a
 * time, keeps the loops in memory order, which the JIT vectorises.
 */
final class ColumnBox {

    private float[] sums = new float[0];
    private float[] rows;
    private int mask;
    private int width;
    private int window;
    private int half;
    private int added;
    private int subtracted;
    private int written;
    private int count;

    /** Starts a new image of {@code width} columns whose window down the columns is {@code window}. */
    void start(float[] rows, int mask, int width, int window) {
        if (sums.length < width) {
            sums = new float[width];
        }
        java.util.Arrays.fill(sums, 0, width, 0f);
        this.rows = rows;
        this.mask = mask;
        this.width = width;
        this.window = window;
        this.half = (window + 2) / 2;
        this.added = 0;
        this.subtracted = 0;
        this.written = 0;
        this.count = 0;
    }

    /**
     * Takes in the next row (already stored at its place), dropping the one that leaves the window.
     * Returns the output row now complete (its values are {@link #quotients}), or -1 while the
     * first half window fills.
     */
    int add() {
        float[] s = sums;
        float[] in = rows;
        int addAt = (added & mask) * width;
        if (added >= window) {
            int subtractAt = (subtracted & mask) * width;
            for (int c = 0; c < width; c++) {
                float sum = s[c] + in[addAt + c];
                s[c] = sum - in[subtractAt + c];
            }
            subtracted++;
        } else {
            for (int c = 0; c < width; c++) {
                s[c] += in[addAt + c];
            }
            count++;
        }
        added++;
        return added >= half ? written++ : -1;
    }

    /**
     * After the last row has been added, shrinks the window by one row; returns the output row now
     * complete, or -1 when all {@code totalRows} are out.
     */
    int drain(int totalRows) {
        if (written >= totalRows) {
            return -1;
        }
        float[] s = sums;
        float[] in = rows;
        int subtractAt = (subtracted & mask) * width;
        for (int c = 0; c < width; c++) {
            s[c] -= in[subtractAt + c];
        }
        subtracted++;
        count--;
        return written++;
    }

    /** Writes the current output row, the column sums divided by the window's pixel count. */
    void quotients(float[] out, int offset) {
        float[] s = sums;
        double reciprocal = 1.0 / count;
        for (int c = 0; c < width; c++) {
            out[offset + c] = JaroszFilter.quotient(s[c], reciprocal);
        }
    }
}
