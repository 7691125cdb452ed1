package org.openiru.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimised blur and sampling against a direct transcription of the reference's loops (every
 * pixel, one row or column at a time, float division), bit for bit, on random images of awkward
 * sizes, including ones narrower than the 64 samples.
 */
class JaroszFilterTest {

    @Test
    void sameBitsAsTheReferenceLoopsOnRandomImages() {
        Random random = new Random(1);
        JaroszFilter filter = new JaroszFilter(); // reused across sizes, as a hasher does
        // Odd row counts leave the last group of rows short; tall images wrap the ring of rows
        // many times and have wide windows.
        int[][] sizes = {{5, 5}, {7, 300}, {300, 7}, {63, 64}, {64, 65}, {127, 129}, {512, 512}, {333, 1001},
            {2001, 37}, {37, 2001}, {1030, 515}};
        for (int[] size : sizes) {
            int rows = size[0];
            int cols = size[1];
            float[] image = new float[rows * cols];
            for (int i = 0; i < image.length; i++) {
                // Luminance-like values with fractional bits, and runs of equal values for cancellation.
                image[i] = random.nextInt(4) == 0 ? image[Math.max(0, i - 1)] : Luma.of(
                        random.nextInt(256), random.nextInt(256), random.nextInt(256));
            }
            float[] blurred = image.clone();
            referenceBlur(blurred, rows, cols, JaroszFilter.windowSize(cols, 64), JaroszFilter.windowSize(rows, 64));
            float[] block = new float[64 * 64];
            filter.blurAndSample(lumaInput(image, rows, cols), block);
            for (int i = 0; i < 64; i++) {
                for (int j = 0; j < 64; j++) {
                    // The reference's decimation: the centre of each cell.
                    float expected = blurred[(int) ((i + 0.5) * rows / 64) * cols + (int) ((j + 0.5) * cols / 64)];
                    assertThat(Float.floatToRawIntBits(block[i * 64 + j])).as("%dx%d sample %d,%d", rows, cols, i, j)
                            .isEqualTo(Float.floatToRawIntBits(expected));
                }
            }
        }
    }

    @Test
    void quotientByReciprocalInDoubleIsTheFloatQuotient() {
        Random random = new Random(2);
        for (int i = 0; i < 5_000_000; i++) {
            int n = 1 + random.nextInt(i % 2 == 0 ? 64 : 4096);
            // Sums of luminance values, and arbitrary floats of all magnitudes and signs.
            float sum = i % 3 == 0
                    ? Math.scalb(1 + random.nextFloat(), random.nextInt(200) - 100) * (random.nextBoolean() ? 1 : -1)
                    : random.nextFloat() * 255 * n;
            assertThat(Float.floatToRawIntBits(JaroszFilter.quotient(sum, 1.0 / n))).as("%s / %d", sum, n)
                    .isEqualTo(Float.floatToRawIntBits(sum / n));
        }
    }

    /** Delivers the rows of a luminance image as they are. */
    private static PdqInput lumaInput(float[] image, int rows, int cols) {
        return new PdqInput() {
            @Override
            public int width() {
                return cols;
            }

            @Override
            public int height() {
                return rows;
            }

            @Override
            public void readLumaRow(int y, float[] out, int offset) {
                System.arraycopy(image, y * cols, out, offset, cols);
            }
        };
    }

    /** The reference's blur: rows, then columns, twice; each 1-D box as in pdqhashing's box1DFloat. */
    private static void referenceBlur(float[] image, int rows, int cols, int rowWindow, int colWindow) {
        float[] scratch = new float[image.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rows; r++) {
                box(image, scratch, r * cols, cols, 1, rowWindow);
            }
            for (int c = 0; c < cols; c++) {
                box(scratch, image, c, rows, cols, colWindow);
            }
        }
    }

    private static void box(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int read = start;
        int subtract = start;
        int write = start;
        int end = start + length * stride;
        float sum = 0;
        int count = 0;
        for (int i = 0; i < half - 1; i++, read += stride) {
            sum += in[read];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, read += stride, write += stride) {
            sum += in[read];
            count++;
            out[write] = sum / count;
        }
        for (; read < end; read += stride, subtract += stride, write += stride) {
            sum += in[read];
            sum -= in[subtract];
            out[write] = sum / count;
        }
        for (; write < end; subtract += stride, write += stride) {
            sum -= in[subtract];
            count--;
            out[write] = sum / count;
        }
    }
}
