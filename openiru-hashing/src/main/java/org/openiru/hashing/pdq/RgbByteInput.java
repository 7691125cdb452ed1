package org.openiru.hashing.pdq;

final class RgbByteInput extends SizedInput {

    private final byte[] rgb;

    RgbByteInput(byte[] rgb, int width, int height) {
        super(width, height, rgb.length, 3);
        this.rgb = rgb;
    }

    @Override
    public void readLumaRow(int y, float[] out, int offset) {
        int width = width();
        int p = 3 * y * width;
        for (int x = 0; x < width; x++, p += 3) {
            out[offset + x] = Luma.of(rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF);
        }
    }
}
