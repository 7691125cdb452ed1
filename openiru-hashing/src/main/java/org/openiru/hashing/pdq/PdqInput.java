package org.openiru.hashing.pdq;

import java.awt.image.BufferedImage;

/**
 * Pixels to hash, delivered one row of luminance at a time so that a hasher (or a resizing step in
 * front of it) reads only what it needs and no full-size RGB copy is made.
 */
public interface PdqInput {

    int width();

    int height();

    /** Writes the luminance of row {@code y} (0..255 scale) into {@code out[offset .. offset+width)}. */
    void readLumaRow(int y, float[] out, int offset);

    /** Packed {@code 0xRRGGBB} pixels (any alpha byte is ignored), row-major. */
    static PdqInput ofRgb(int[] packedRgb, int width, int height) {
        return new RgbIntInput(packedRgb, width, height);
    }

    /** Interleaved R, G, B bytes, row-major, {@code 3 * width * height} long. */
    static PdqInput ofRgb(byte[] rgb, int width, int height) {
        return new RgbByteInput(rgb, width, height);
    }

    /** A decoded image; alpha is ignored, as the reference implementations do. */
    static PdqInput of(BufferedImage image) {
        return new ImageInput(image);
    }
}
