package org.openiru.hashing.pdq;

final class RgbByteInput implements PdqInput {

    private final byte[] rgb;
    private final int width;
    private final int height;

    RgbByteInput(byte[] rgb, int width, int height) {
        PdqInput.checkDimensions(width, height, rgb.length, 3);
        this.rgb = rgb;
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
        int p = 3 * y * width;
        for (int x = 0; x < width; x++, p += 3) {
            out[offset + x] = Luma.of(rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF);
        }
    }
}
