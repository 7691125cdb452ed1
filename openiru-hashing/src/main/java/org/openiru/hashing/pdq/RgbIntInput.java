package org.openiru.hashing.pdq;

final class RgbIntInput extends SizedInput {

    private final int[] pixels;

    RgbIntInput(int[] pixels, int width, int height) {
        super(width, height, pixels.length, 1);
        this.pixels = pixels;
    }

    @Override
    public void readLumaRow(int y, float[] out, int offset) {
        int width = width();
        int p = y * width;
        for (int x = 0; x < width; x++) {
            out[offset + x] = Luma.ofPacked(pixels[p + x]);
        }
    }
}
