package org.openiru.hashing.pdq;

final class RgbIntInput implements PdqInput {

    private final int[] pixels;
    private final int width;
    private final int height;

    RgbIntInput(int[] pixels, int width, int height) {
        PdqInput.checkDimensions(width, height, pixels.length, 1);
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void readLumaRow(int y, float[] out, int offset) {
        int p = y * width;
        for (int x = 0; x < width; x++) {
            out[offset + x] = Luma.ofPacked(pixels[p + x]);
        }
    }
}
